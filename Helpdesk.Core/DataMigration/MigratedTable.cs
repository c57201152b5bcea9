using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Helpdesk.Core.DataMigration;

/// <summary>A table of the EF model as migrate-data copies it: columns in model order, key columns to order rows by.</summary>
public sealed record MigratedTable(string Name, IReadOnlyList<MigratedColumn> Columns, IReadOnlyList<MigratedColumn> Key)
{
    /// <summary>
    /// Every table of the (PostgreSQL) model, each after the tables its foreign keys point to, so that rows can be
    /// inserted table by table with every constraint checked. A reference to the table itself needs no order: the
    /// copy of one table is one statement, checked at its end.
    /// </summary>
    public static IReadOnlyList<MigratedTable> InCopyOrder(IModel model)
    {
        var tables = model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<ITable>();
        var placed = new HashSet<string>();
        while (ordered.Count < tables.Count)
        {
            var next = tables.Where(t => !placed.Contains(t.Name)
                    && t.ForeignKeyConstraints.All(fk => fk.PrincipalTable.Name == t.Name || placed.Contains(fk.PrincipalTable.Name)))
                .ToList();
            if (next.Count == 0)
                throw new InvalidOperationException("The foreign keys between these tables form a cycle, so they cannot be copied one by one: "
                    + string.Join(", ", tables.Where(t => !placed.Contains(t.Name)).Select(t => t.Name)) + ".");
            foreach (var table in next)
            {
                ordered.Add(table);
                placed.Add(table.Name);
            }
        }
        return [.. ordered.Select(From)];
    }

    private static MigratedTable From(ITable table)
    {
        var columns = table.Columns.Where(c => c.ComputedColumnSql is null).Select(MigratedColumn.From).ToList();
        var key = table.PrimaryKey?.Columns.Select(k => columns.Single(c => c.Name == k.Name)).ToList()
            ?? throw new InvalidOperationException($"Table {table.Name} has no primary key to order its rows by.");
        return new MigratedTable(table.Name, columns, key);
    }
}
