using Helpdesk.Core.DataMigration;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Helpdesk.Tests.Core.DataMigration;

public sealed class MigratedTableTests
{
    private static Microsoft.EntityFrameworkCore.Metadata.IModel PostgresModel()
    {
        using var db = new HelpdeskDbContext(new DbContextOptionsBuilder<HelpdeskDbContext>().UseNpgsql("Host=127.0.0.1;Database=model_only").Options);
        return db.Model;
    }

    [Fact]
    public void InCopyOrder_TheModel_CoversEveryEntityTypesTableAndEveryColumn()
    {
        var model = PostgresModel();

        var tables = MigratedTable.InCopyOrder(model);

        // An entity split over several tables (the outbox's bodies) names the others in its mapping fragments.
        var entityTables = model.GetEntityTypes()
            .SelectMany(e => e.GetMappingFragments(StoreObjectType.Table).Select(f => f.StoreObject.Name).Prepend(e.GetTableName()))
            .OfType<string>().Distinct().Order().ToList();
        Assert.Equal(entityTables, tables.Select(t => t.Name).Order().ToList());
        foreach (var table in model.GetRelationalModel().Tables)
            Assert.Equal(table.Columns.Select(c => c.Name).Order(), tables.Single(t => t.Name == table.Name).Columns.Select(c => c.Name).Order());
    }

    [Fact]
    public void InCopyOrder_EveryForeignKey_PointsToATableCopiedBefore()
    {
        var model = PostgresModel();

        var position = MigratedTable.InCopyOrder(model).Select((t, i) => (t.Name, i)).ToDictionary(p => p.Name, p => p.i);

        foreach (var table in model.GetRelationalModel().Tables)
        foreach (var fk in table.ForeignKeyConstraints.Where(fk => fk.PrincipalTable != table))
            Assert.True(position[fk.PrincipalTable.Name] < position[table.Name], $"{table.Name} comes before {fk.PrincipalTable.Name}");
    }
}
