using Microsoft.Extensions.Logging;
using Npgsql;

namespace Helpdesk.Core.Leases;

/// <summary>
/// A held advisory lock and the connection it lives on. Renewing the lease row every third of the period also checks
/// the connection: when that fails (the server restarted, the network went), the lease is <see cref="Lost"/> and the
/// connection closed, since the server may already have given the lock to another instance.
/// </summary>
internal sealed class PostgresLease : HeldLease
{
    private readonly NpgsqlConnection _connection;
    private readonly string _resource;
    private readonly string _instance;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _released = new();
    private Task _renewing = Task.CompletedTask;

    private PostgresLease(NpgsqlConnection connection, string resource, string instance)
    {
        _connection = connection;
        _resource = resource;
        _instance = instance;
    }

    public override CancellationToken Lost => _lost.Token;

    public static PostgresLease Hold(NpgsqlConnection connection, string resource, string instance, DateTime since, LeaseOptions options,
        TimeProvider clock, ILogger logger)
    {
        var lease = new PostgresLease(connection, resource, instance);
        lease._renewing = Task.Run(() => lease.RenewAsync(since, options, clock, logger));
        return lease;
    }

    private async Task RenewAsync(DateTime since, LeaseOptions options, TimeProvider clock, ILogger logger)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Retry, clock, _released.Token);
                await PostgresLeaseRow.WriteAsync(_connection, _resource, _instance, since, clock.GetUtcNow().UtcDateTime, _released.Token);
            }
        }
        catch (OperationCanceledException) when (_released.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning("The lease on {Resource} is lost (its database connection failed: {Error}); the work stops until it is taken again",
                _resource, ex.Message);
            await _connection.DisposeAsync();
            await _lost.CancelAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _released.CancelAsync();
        await _renewing;
        if (!_lost.IsCancellationRequested)
        {
            try
            {
                await PostgresLeaseRow.DeleteAsync(_connection, _resource, _instance, CancellationToken.None);
            }
            catch (Exception)
            {
                // The row is only a report: the next holder writes over it, and closing the connection frees the lock.
            }
        }
        await _connection.DisposeAsync();
        _lost.Dispose();
        _released.Dispose();
    }
}
