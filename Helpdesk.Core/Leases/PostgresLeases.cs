using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Helpdesk.Core.Leases;

/// <summary>
/// PostgreSQL: a mailbox lease is a session advisory lock held on a connection of its own for as long as the lease
/// lives, so a holder that dies (its connection closes) lets the next instance in; a sweep runs under a transaction
/// advisory lock and is skipped when another instance ran it within the interval.
/// </summary>
public sealed class PostgresLeases(
    string connectionString,
    IDbContextFactory<HelpdeskDbContext> contexts,
    IOptions<HelpdeskOptions> helpdesk,
    IOptions<LeaseOptions> options,
    TimeProvider clock,
    ILogger<PostgresLeases> logger) : IWorkLeases
{
    private string Instance => helpdesk.Value.InstanceName;

    public async Task<HeldLease?> TryTakeAsync(string resource, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(LeaseConnectionString());
        try
        {
            await connection.OpenAsync(ct);
            await KeepServerSideAliveAsync(connection, ct);
            await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
            {
                take.Parameters.AddWithValue("key", LeaseResource.Key(resource));
                if (!(bool)(await take.ExecuteScalarAsync(ct))!)
                {
                    await connection.DisposeAsync();
                    return null;
                }
            }
            var since = clock.GetUtcNow().UtcDateTime;
            await PostgresLeaseRow.WriteAsync(connection, resource, Instance, since, since, ct);
            return PostgresLease.Hold(connection, resource, Instance, since, options.Value, clock, logger);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> RunOnceAsync(string sweep, TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        var resource = LeaseResource.Sweep(sweep);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@key)", connection, transaction))
        {
            take.Parameters.AddWithValue("key", LeaseResource.Key(resource));
            if (!(bool)(await take.ExecuteScalarAsync(ct))!) return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // The instances' timers are not in step: a run a little less than an interval ago still counts for this tick.
        if (await PostgresLeaseRow.RenewedAtAsync(connection, transaction, resource, ct) is { } lastRun && now - lastRun < interval * 0.9)
            return false;
        await work(ct);
        await PostgresLeaseRow.WriteAsync(connection, resource, Instance, now, now, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public Task<IReadOnlyList<LeaseHolder>> MailboxHoldersAsync(CancellationToken ct) => HoldersAsync(LeaseResource.MailboxPrefix, ct);

    public Task<IReadOnlyList<LeaseHolder>> SweepRunsAsync(CancellationToken ct) => HoldersAsync(LeaseResource.SweepPrefix, ct);

    private async Task<IReadOnlyList<LeaseHolder>> HoldersAsync(string prefix, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<LeaseHolder>().AsNoTracking().Where(h => h.Resource.StartsWith(prefix)).OrderBy(h => h.Resource).ToListAsync(ct);
    }

    private string LeaseConnectionString() => new NpgsqlConnectionStringBuilder(connectionString)
    {
        // The lock lives as long as this connection: it must never go back to a pool.
        Pooling = false,
        ApplicationName = $"helpdesk lease {Instance}",
        CommandTimeout = Seconds(options.Value.Retry),
        TcpKeepAlive = true,
    }.ToString();

    /// <summary>
    /// Without keepalives the server notices a vanished client (host down, cable cut) only after hours, and keeps its
    /// lock that long; with these it ends the session, and frees the lock, well within one lease period.
    /// </summary>
    private async Task KeepServerSideAliveAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var third = Seconds(options.Value.Retry);
        await using var set = new NpgsqlCommand(
            $"SET tcp_keepalives_idle = {third}; SET tcp_keepalives_interval = {Math.Max(1, third / 3)}; SET tcp_keepalives_count = 3", connection);
        await set.ExecuteNonQueryAsync(ct);
    }

    private static int Seconds(TimeSpan span) => Math.Max(1, (int)span.TotalSeconds);
}
