using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Persistence;

public sealed class SqliteConnectionSetupTests
{
    [Fact]
    public async Task Connections_ByDefault_ReadTheDatabaseThroughAOneGibibyteMap()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);

        // The second context gets the first one's pooled connection back: the map is still set on it.
        Assert.Equal(SqliteConnectionSetup.DefaultMemoryMapBytes, await MapSizeAsync(host));
        Assert.Equal(SqliteConnectionSetup.DefaultMemoryMapBytes, await MapSizeAsync(host));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("268435456", 268435456L)]
    public async Task Connections_WithTheSetting_UseItsSize(string setting, long expected)
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite,
            settings: new Dictionary<string, string?> { [SqliteConnectionSetup.MemoryMapSetting] = setting });

        Assert.Equal(expected, await MapSizeAsync(host));
    }

    [Fact]
    public async Task Connections_SeveralAtOnce_EachHasTheMap()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        await using var first = await host.DbAsync();
        await using var second = await host.DbAsync();
        await first.Database.OpenConnectionAsync();
        await second.Database.OpenConnectionAsync();

        Assert.Equal(SqliteConnectionSetup.DefaultMemoryMapBytes, await MapSizeAsync(first));
        Assert.Equal(SqliteConnectionSetup.DefaultMemoryMapBytes, await MapSizeAsync(second));
    }

    [Fact]
    public async Task Connections_ByDefault_WaitInsideSqliteForTheWriteLockAsLongAsTheirDefaultTimeout()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);

        // Pooled: the second context gets the first one's connection back, still set.
        Assert.Equal(30_000, await PragmaAsync(host, "busy_timeout"));
        Assert.Equal(30_000, await PragmaAsync(host, "busy_timeout"));
    }

    [Fact]
    public async Task Write_WhileAnotherConnectionHoldsTheWriteLock_GoesThroughOnceItIsReleased()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        await using var holder = await host.DbAsync();
        await using var waiter = await host.DbAsync();
        await waiter.Database.OpenConnectionAsync();
        await using var held = await holder.Database.BeginTransactionAsync();
        await holder.Database.ExecuteSqlRawAsync("UPDATE \"Person\" SET \"Name\" = \"Name\" WHERE 0");

        var write = Task.Run(() => waiter.Database.ExecuteSqlRawAsync("UPDATE \"Person\" SET \"Name\" = \"Name\" WHERE 0"));
        await Task.Delay(50);
        Assert.False(write.IsCompleted);
        await held.CommitAsync();

        await write;
    }

    [Theory]
    [InlineData(30, 30_000)]
    [InlineData(5, 5_000)]
    [InlineData(0, int.MaxValue)]
    public void BusyTimeoutMilliseconds_IsTheConnectionsDefaultTimeout_NoLimitWhenItHasNone(int defaultTimeoutSeconds, int expected)
    {
        using var connection = new SqliteConnection($"Data Source=:memory:;Default Timeout={defaultTimeoutSeconds}");

        Assert.Equal(expected, SqliteConnectionSetup.BusyTimeoutMilliseconds(connection));
    }

    [Theory]
    [InlineData("a lot")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public void FromSetting_NotAWholeNumberOfBytes_SaysWhichSettingAndWhatItMustBe(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SqliteConnectionSetup.FromSetting(setting));

        Assert.Equal($"Database:SqliteMemoryMapBytes must be a whole number of bytes, 0 or more (0 turns the memory map off); it is \"{setting}\".", error.Message);
    }

    private static Task<long> MapSizeAsync(CoreTestHost host) => PragmaAsync(host, "mmap_size");

    private static Task<long> MapSizeAsync(HelpdeskDbContext db) => PragmaAsync(db, "mmap_size");

    private static async Task<long> PragmaAsync(CoreTestHost host, string pragma)
    {
        await using var db = await host.DbAsync();
        return await PragmaAsync(db, pragma);
    }

    /// <summary>Asked on the connection EF opens (a pragma with side effects has no table-valued form to query through EF).</summary>
    private static async Task<long> PragmaAsync(HelpdeskDbContext db, string pragma)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
