using Helpdesk.Blazor.Hosting;
using Helpdesk.Core.Leases;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Hosting.Health;

/// <summary>
/// Whether each background worker runs (one that ended while the app runs makes the instance unhealthy), what each
/// mailbox loop of this instance does, which instance holds each mailbox's lease, and when each sweep last ran where.
/// </summary>
public sealed class WorkersHealthCheck(
    InboundMailWorker inbound,
    OutboxSendWorker outbox,
    OverdueWorker overdue,
    WaitingUntilWorker waitingUntil,
    IWorkLeases leases,
    IOptions<LeaseOptions> leaseOptions,
    IHostApplicationLifetime lifetime,
    TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        BackgroundService[] all = [inbound, outbox, overdue, waitingUntil];
        var workers = all.ToDictionary(w => w.GetType().Name, State);
        var here = inbound.MailboxStates;
        var holders = (await leases.MailboxHoldersAsync(ct)).ToDictionary(h => h.Resource[LeaseResource.MailboxPrefix.Length..], StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow().UtcDateTime;
        var mailboxes = here.Keys.Union(holders.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)
            .Select(name => new MailboxHealth(
                name,
                here.TryGetValue(name, out var state) ? state.ToString() : null,
                holders.GetValueOrDefault(name)?.Instance,
                holders.GetValueOrDefault(name)?.Since,
                holders.GetValueOrDefault(name)?.RenewedAt,
                holders.GetValueOrDefault(name) is { } h && now - h.RenewedAt > leaseOptions.Value.Period))
            .ToList();
        var sweeps = (await leases.SweepRunsAsync(ct))
            .Select(run => new SweepHealth(run.Resource[LeaseResource.SweepPrefix.Length..], run.RenewedAt, run.Instance)).ToList();
        var data = new Dictionary<string, object> { ["workers"] = workers, ["mailboxes"] = mailboxes, ["sweeps"] = sweeps };
        return workers.ContainsValue(WorkerState.Stopped)
            ? HealthCheckResult.Unhealthy("a background worker stopped", data: data)
            : HealthCheckResult.Healthy("running", data);
    }

    private WorkerState State(BackgroundService worker) => worker.ExecuteTask switch
    {
        null => WorkerState.Starting,
        { IsCompleted: true } when !lifetime.ApplicationStopping.IsCancellationRequested => WorkerState.Stopped,
        { IsCompleted: true } => WorkerState.Stopping,
        _ => WorkerState.Running,
    };
}

public enum WorkerState { Starting, Running, Stopping, Stopped }

/// <param name="Here">What this instance's loop does (Fetching, Standby), or null when it runs none for the mailbox.</param>
/// <param name="Stale">The holder has not renewed within a lease period: it died, and another instance takes over soon.</param>
public sealed record MailboxHealth(string Mailbox, string? Here, string? Holder, DateTime? Since, DateTime? RenewedAt, bool Stale);

/// <param name="LastRunAt">When the sweep last started (UTC); a sweep not run since the database was created is absent.</param>
/// <param name="Instance">The instance that ran it (any instance's /health shows it on PostgreSQL).</param>
public sealed record SweepHealth(string Sweep, DateTime LastRunAt, string Instance);
