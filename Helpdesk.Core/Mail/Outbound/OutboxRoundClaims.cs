using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>
/// The claims one send round holds, renewed while the round makes progress: a round draining a long queue over a slow
/// server keeps its mails (no other round sends them a second time), and a round that hangs lets them go when the lease
/// runs out, as a dead one does.
/// </summary>
internal sealed class OutboxRoundClaims
{
    private readonly Lock _lock = new();
    private readonly List<string> _tokens = [];
    private int _finished;
    private int _finishedAtLastRenewal;

    public void Add(IEnumerable<OutboxMessage> claimed)
    {
        lock (_lock)
            _tokens.AddRange(claimed.Select(m => m.ClaimToken!).Distinct().Except(_tokens));
    }

    /// <summary>A mail of the round was sent or failed.</summary>
    public void Finished() => Interlocked.Increment(ref _finished);

    /// <summary>Moves the lease of the round's pending mails to <paramref name="until"/>, if a mail finished since the last renewal.</summary>
    public async Task RenewAsync(HelpdeskDbContext db, DateTime until, CancellationToken ct)
    {
        var finished = Volatile.Read(ref _finished);
        if (finished == _finishedAtLastRenewal) return;
        _finishedAtLastRenewal = finished;
        List<string> tokens;
        lock (_lock) tokens = [.. _tokens];
        await db.Set<OutboxMessage>().Where(m => m.Status == OutboxStatus.Pending && m.ClaimToken != null && tokens.Contains(m.ClaimToken))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimExpiresAt, until), ct);
    }
}
