using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.MultiInstance;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace Helpdesk.Tests.MultiInstance;

/// <summary>Two real console processes started at the same moment on one empty PostgreSQL database.</summary>
[Trait("Category", "MultiInstance")]
public sealed class TwoConsolesStartTogetherTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private static Dictionary<string, string> Settings(TestDatabase database, string instance) => new()
    {
        ["Helpdesk__InstanceName"] = instance,
        ["Database__Provider"] = nameof(DatabaseProvider.PostgreSQL),
        ["ConnectionStrings__Helpdesk"] = database.ConnectionString!,
        ["Blobs__Store"] = "Database",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    [Fact]
    public async Task Start_TwoConsolesAtOnceOnAnEmptyDatabase_BothHealthySchemaAndSeedDataOnce()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.PostgreSQL);
        var folders = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "helpdesk-multi", Guid.NewGuid().ToString("N"))).FullName;

        try
        {
            await using var a = ConsoleProcess.Start(Path.Combine(folders, "a"), Settings(database, "console-a"));
            await using var b = ConsoleProcess.Start(Path.Combine(folders, "b"), Settings(database, "console-b"));
            await Task.WhenAll(a.WaitUntilHealthyAsync(StartTimeout), b.WaitUntilHealthyAsync(StartTimeout));
            output.WriteLine($"console-a:\n{a.Tail}\nconsole-b:\n{b.Tail}");

            var (migrations, applied) = await MigrationsAsync(database);
            Assert.Equal(migrations, applied);
            Assert.Equal((1L, 1L), (await ScalarAsync(database, """SELECT count(*) FROM "AspNetUsers" """), await ScalarAsync(database, """SELECT count(*) FROM "Trigger" """)));
            Assert.Equal(await ScalarAsync(database, """SELECT count(DISTINCT "NormalizedName") FROM "AspNetRoles" """),
                await ScalarAsync(database, """SELECT count(*) FROM "AspNetRoles" """));
            Assert.Equal(await ScalarAsync(database, """SELECT count(DISTINCT "PrimaryEmail") FROM "Person" """), await ScalarAsync(database, """SELECT count(*) FROM "Person" """));
            Assert.DoesNotContain("already exists", a.Tail + b.Tail, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            try { Directory.Delete(folders, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(int Migrations, int Applied)> MigrationsAsync(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<HelpdeskDbContext>().UseNpgsql(database.ConnectionString)
            .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly, ProviderMigrationsAssembly>().Options;
        await using var db = new HelpdeskDbContext(options);
        return (db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
    }

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
