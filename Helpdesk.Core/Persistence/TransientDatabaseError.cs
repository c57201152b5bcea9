using Microsoft.Data.Sqlite;
using Npgsql;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// Whether a database error says "not now" rather than "not this": the database is busy, out of connections, or the
/// connection broke. Work that meets one is tried again later, never set aside as bad.
/// </summary>
public static class TransientDatabaseError
{
    // SQLITE_BUSY and SQLITE_LOCKED: another writer held the lock longer than the busy timeout.
    private const int SqliteBusy = 5, SqliteLocked = 6;

    // PostgreSQL classes 08 (connection), 53 (insufficient resources: out of connections, disk, memory), 57P0x (server
    // shutting down or starting), and a serialization failure, deadlock or lock timeout.
    private static readonly string[] PostgresTransientStates = ["08", "53", "57P0", "40001", "40P01", "55P03"];

    public static bool Is(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres ? PostgresTransientStates.Any(postgres.SqlState.StartsWith)
                : e is NpgsqlException { IsTransient: true } or SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
                return true;
        }
        return false;
    }
}
