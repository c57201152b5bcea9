using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// Reads that stop when their token is cancelled, on either provider. Npgsql cancels a running statement by itself;
/// SQLite runs a statement to its end whatever the token says (Microsoft.Data.Sqlite's Cancel does nothing), so here the
/// token interrupts the context's connection (<c>sqlite3_interrupt</c>): a search the agent has already typed past stops
/// instead of holding a core for a second at a million tickets. The query's statements share one connection, opened
/// once: on PostgreSQL each statement otherwise took the connection from the pool and gave it back (and reset it).
/// </summary>
public static class CancellableQuery
{
    /// <summary>Runs <paramref name="query"/>'s statements on <paramref name="db"/>; cancelled, it throws <see cref="OperationCanceledException"/>.</summary>
    /// <remarks>For reads: an interrupted write inside a transaction rolls the whole transaction back.</remarks>
    public static async Task<T> RunAsync<T>(HelpdeskDbContext db, Func<Task<T>> query, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!ct.CanBeCanceled || !db.Database.IsSqlite()) return await query();
            var connection = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
            // Disposed before the connection goes back to the pool (Dispose waits for a callback that is running), and
            // an interrupt while no statement runs does nothing: no later user of the connection is interrupted.
            using (ct.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection)))
            {
                try
                {
                    return await query();
                }
                catch (SqliteException e) when (SqliteInterruptDetector.IsInterruptBy(e, ct))
                {
                    throw new OperationCanceledException("The query was cancelled.", e, ct);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
