using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// Has SQLite read the database file through a memory map of up to <c>Database:SqliteMemoryMapBytes</c> (PRAGMA
/// mmap_size), set once on each pooled connection. Without it every page SQLite's small per-connection cache (2 MB)
/// does not hold is a read system call: a search that reads 5,000 tickets out of a million spent most of its time in
/// the kernel copying pages it already had in memory. The mapped pages are the operating system's file cache, shared by
/// every connection, not memory of the process's own. Writes still go through the write-ahead log as before.
/// </summary>
public sealed class SqliteMemoryMap(long bytes) : DbConnectionInterceptor
{
    public const string Setting = "Database:SqliteMemoryMapBytes";

    /// <summary>1 GiB: a database up to that size is read wholly through the map; a larger one by its first GiB.</summary>
    public const long DefaultBytes = 1L << 30;

    // The physical connections already set: a pooled one keeps its pragma across opens.
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

    private SqliteConnection? NeedsSetting(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } sqlite && !_set.TryGetValue(handle, out _) ? sqlite : null;

    private void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size = {bytes}";
        command.ExecuteNonQuery();
        _set.AddOrUpdate(connection.Handle!, this);
    }

    /// <exception cref="InvalidOperationException">The setting is not a whole number of bytes, 0 or more.</exception>
    public static SqliteMemoryMap FromSetting(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return new SqliteMemoryMap(DefaultBytes);
        if (long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes))
            return new SqliteMemoryMap(bytes);
        throw new InvalidOperationException($"{Setting} must be a whole number of bytes, 0 or more (0 turns the memory map off); it is \"{value}\".");
    }
}
