using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Persistence;

public sealed class SqliteMemoryMapTests
{
    [Fact]
    public async Task Connections_ByDefault_ReadTheDatabaseThroughAOneGibibyteMap()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);

        // The second context gets the first one's pooled connection back: the map is still set on it.
        Assert.Equal(SqliteMemoryMap.DefaultBytes, await MapSizeAsync(host));
        Assert.Equal(SqliteMemoryMap.DefaultBytes, await MapSizeAsync(host));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("268435456", 268435456L)]
    public async Task Connections_WithTheSetting_UseItsSize(string setting, long expected)
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite,
            settings: new Dictionary<string, string?> { [SqliteMemoryMap.Setting] = setting });

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

        Assert.Equal(SqliteMemoryMap.DefaultBytes, await MapSizeAsync(first));
        Assert.Equal(SqliteMemoryMap.DefaultBytes, await MapSizeAsync(second));
    }

    [Theory]
    [InlineData("a lot")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public void FromSetting_NotAWholeNumberOfBytes_SaysWhichSettingAndWhatItMustBe(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SqliteMemoryMap.FromSetting(setting));

        Assert.Equal($"Database:SqliteMemoryMapBytes must be a whole number of bytes, 0 or more (0 turns the memory map off); it is \"{setting}\".", error.Message);
    }

    private static async Task<long> MapSizeAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        return await MapSizeAsync(db);
    }

    /// <summary>Asked on the connection EF opens (a pragma with side effects has no table-valued form to query through EF).</summary>
    private static async Task<long> MapSizeAsync(HelpdeskDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
