using Microsoft.EntityFrameworkCore.Metadata;

namespace Helpdesk.Core.DataMigration;

/// <summary>A column of a <see cref="MigratedTable"/> and the kind of value it holds on both sides.</summary>
public sealed record MigratedColumn(string Name, string StoreType, ColumnKind Kind)
{
    public static MigratedColumn From(IColumn column) =>
        new(column.Name, column.StoreType, ColumnKinds.Of(column.StoreType)
            ?? throw new InvalidOperationException($"Column {column.Table.Name}.{column.Name} has the type {column.StoreType}, which migrate-data cannot copy yet."));

    public string Quoted => $"\"{Name}\"";
}
