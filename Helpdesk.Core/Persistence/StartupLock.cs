using Helpdesk.Core.Leases;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// PostgreSQL: instances starting at once on one database migrate and seed one after the other, under a session
/// advisory lock on a connection of its own; the second then finds the schema and the seed data there. SQLite (one
/// process per data folder) takes nothing.
/// </summary>
internal static class StartupLock
{
    private static readonly long Key = LeaseResource.Key("startup:migrate-and-seed");

    public static async Task<IAsyncDisposable> TakeAsync(HelpdeskDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return new Nothing();
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString())
        {
            // The lock lives as long as this connection: it must never go back to a pool still held.
            Pooling = false,
            ApplicationName = "helpdesk start-up",
            // Waiting for another instance's migration may take longer than any ordinary command.
            CommandTimeout = 0,
        }.ToString());
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", Key);
            await take.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
