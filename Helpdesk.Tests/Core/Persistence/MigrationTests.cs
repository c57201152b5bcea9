using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_EmptyDatabase_LeavesNoPendingModelChanges()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = await host.DbAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_UsesWriteAheadLog()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = await host.DbAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
