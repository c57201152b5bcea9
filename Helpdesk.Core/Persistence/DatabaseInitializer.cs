using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// Applies migrations before the app serves anything, then runs the registered start-up seeders in order; on PostgreSQL
/// one instance at a time (<see cref="StartupLock"/>).
/// </summary>
internal sealed class DatabaseInitializer(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    IEnumerable<IStartupSeeder> seeders,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var oneInstanceAtATime = await StartupLock.TakeAsync(db, cancellationToken);
        if (db.Database.IsNpgsql())
            // On an empty database EF's first look reads a history table that is not there yet, a failing command that
            // would be logged and alerted as a database error; created first (IF NOT EXISTS), it is found.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        // Migrate also compares the model with the last migration's snapshot, which costs a large part of a start;
        // on an up-to-date database there is nothing to apply (MigrationTests keep model and migrations in step).
        if (!await IsUpToDateAsync(db, cancellationToken))
            await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        logger.LogInformation("Database ready at {DataSource}", db.Database.GetDbConnection().DataSource);
        foreach (var seeder in seeders.OrderBy(s => s.Order))
            await seeder.SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // EF's GetPendingMigrations first builds a model of its history table (about a third of a second of a cold start);
    // the applied ids read with plain SQL tell the same.
    private static async Task<bool> IsUpToDateAsync(HelpdeskDbContext db, CancellationToken ct)
    {
        if (!await db.GetService<IHistoryRepository>().ExistsAsync(ct)) return false;
        var applied = (await db.ColumnAsync($"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\"", ct)).OfType<string>().ToHashSet();
        return db.GetService<IMigrationsAssembly>().Migrations.Keys.All(applied.Contains);
    }
}

/// <summary>Start-up work that needs the migrated database (admin bootstrap, default notification rules, demo data).</summary>
public interface IStartupSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}
