using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// Seeded SQLite list databases kept between bench runs (seeding a million tickets and building the ceiling's indexes
/// take minutes), under $HELPDESK_BENCH_DIR/cache, named after everything that made them: the generator's version,
/// the ticket count, the newest migration and, for the ceiling's copy, its setup SQL. Nothing is cached outside
/// scripts/bench.sh (the smoke tests always seed).
/// </summary>
public static class SeededDatabaseCache
{
    private static readonly string LatestMigration = typeof(HelpdeskDbContext).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(HelpdeskDbContext).Namespace + ".Migrations")
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Max()!;

    /// <returns>Where the database made this way is (or would be) kept; null outside scripts/bench.sh.</returns>
    public static string? PathFor(string kind, int tickets, string? setup = null)
    {
        var folder = Environment.GetEnvironmentVariable(BenchmarkResult.FolderVariable);
        if (string.IsNullOrEmpty(folder)) return null;
        var setupHash = setup is null ? "" : "-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(setup)))[..12];
        return Path.Combine(folder, "cache", $"{kind}-g{TicketListData.GeneratorVersion}-{tickets}-{LatestMigration}{setupHash}.db");
    }

    /// <summary>
    /// Copies a checkpointed database file into the cache, in place of the same kind and size made another way; a copy
    /// cut short never takes the cached name.
    /// </summary>
    public static void Store(string databaseFile, string cached, string kind, int tickets)
    {
        var folder = Path.GetDirectoryName(cached)!;
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetFiles(folder, $"{kind}-g*-{tickets}-*.db").Where(f => f != cached))
            File.Delete(stale);
        File.Copy(databaseFile, cached + ".partial", overwrite: true);
        File.Move(cached + ".partial", cached, overwrite: true);
    }
}
