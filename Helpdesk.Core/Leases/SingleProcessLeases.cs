using System.Collections.Concurrent;
using Helpdesk.Core.Common;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Leases;

/// <summary>SQLite: one process per data folder, so every lease is granted and every sweep runs; nothing is written.</summary>
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
        await work(ct);
        return true;
    }

    public Task<IReadOnlyList<LeaseHolder>> MailboxHoldersAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<LeaseHolder>>(
            [.. _held.Values.Where(h => h.Resource.StartsWith(LeaseResource.MailboxPrefix, StringComparison.Ordinal)).OrderBy(h => h.Resource)]);

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
