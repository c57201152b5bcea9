using System.Collections.Concurrent;
using Helpdesk.Core.Common;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Leases;

/// <summary>
/// SQLite: one process per data folder, so every lease is granted and every sweep runs; holders and sweep runs are
/// kept in memory only, for /health.
/// </summary>
public sealed class SingleProcessLeases(IOptions<HelpdeskOptions> helpdesk, TimeProvider clock) : IWorkLeases
{
    private readonly ConcurrentDictionary<string, LeaseHolder> _held = new(StringComparer.OrdinalIgnoreCase);

    public Task<HeldLease?> TryTakeAsync(string resource, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var holder = new LeaseHolder { Resource = resource, Instance = helpdesk.Value.InstanceName, Since = now, RenewedAt = now };
        _held[resource] = holder;
        return Task.FromResult<HeldLease?>(new ProcessLease(() => _held.TryRemove(new(resource, holder))));
    }

    public async Task<bool> RunOnceAsync(string sweep, TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        var startedAt = clock.GetUtcNow().UtcDateTime;
        await work(ct);
        var resource = LeaseResource.Sweep(sweep);
        _held[resource] = new LeaseHolder { Resource = resource, Instance = helpdesk.Value.InstanceName, Since = startedAt, RenewedAt = startedAt };
        return true;
    }

    public Task<IReadOnlyList<LeaseHolder>> MailboxHoldersAsync(CancellationToken ct) => Held(LeaseResource.MailboxPrefix);

    public Task<IReadOnlyList<LeaseHolder>> SweepRunsAsync(CancellationToken ct) => Held(LeaseResource.SweepPrefix);

    private Task<IReadOnlyList<LeaseHolder>> Held(string prefix) =>
        Task.FromResult<IReadOnlyList<LeaseHolder>>([.. _held.Values.Where(h => h.Resource.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(h => h.Resource)]);

    private sealed class ProcessLease(Action release) : HeldLease
    {
        public override CancellationToken Lost => CancellationToken.None;

        public override ValueTask DisposeAsync()
        {
            release();
            return ValueTask.CompletedTask;
        }
    }
}
