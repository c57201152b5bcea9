using System.Threading.Channels;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>What became of one claimed mail: sent (with its raw copy), or failed (permanently or for a retry).</summary>
public sealed record OutboxSendResult(OutboxMessage Message, string? RawSha256, string? Error = null, bool Permanent = false)
{
    public bool Sent => Error is null;
}

/// <summary>
/// The one writer of a send round's results, so parallel connections never queue for SQLite's write lock: each commit
/// records, in one transaction, every result that arrived while the previous commit ran. A crash loses at most those
/// results; their mails are sent again with the same Message-ID once the claim's lease runs out (at-least-once).
/// </summary>
public sealed class OutboxResultWriter(HelpdeskDbContext db, Action<OutboxSendResult> apply, TicketChangeNotifier notifier, ILogger logger, DateTime now)
{
    private readonly Channel<OutboxSendResult> _results = Channel.CreateUnbounded<OutboxSendResult>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Hands a result to the writer; false once the writer has failed, and the sender should stop sending.</summary>
    public bool TryAdd(OutboxSendResult result) => _results.Writer.TryWrite(result);

    public void Complete() => _results.Writer.TryComplete();

    /// <summary>Writes until <see cref="Complete"/>; never cancelled, because a mail the server accepted must be recorded.</summary>
    public async Task RunAsync()
    {
        try
        {
            while (await _results.Reader.WaitToReadAsync(CancellationToken.None))
            {
                while (_results.Reader.TryRead(out var result))
                {
                    db.Attach(result.Message);
                    apply(result);
                }
                await SaveAsync();
            }
        }
        catch (Exception ex)
        {
            _results.Writer.TryComplete(ex);
            throw;
        }
    }

    /// <summary>
    /// Records the results so far and ends the round's claim on those rows; a row whose claim another round took over
    /// (an expired lease) is left to it. Open ticket pages hear of each recorded delivery change.
    /// </summary>
    private async Task SaveAsync()
    {
        var changed = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity).ToList();
        foreach (var message in changed)
            (message.ClaimToken, message.ClaimExpiresAt) = (null, null);
        // The delivery changes commit with the results they announce (a lost row's ticket hears of it once more: harmless).
        var changes = changed.Select(m => m.TicketId).OfType<int>().Distinct()
            .Select(ticketId => new TicketChange { TicketId = ticketId, Kind = TicketChangeKind.MailDeliveryChanged, At = now }).ToList();
        db.AddRange(changes);
        // One lost row fails the whole transaction; without it the others are written again.
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                break;
            }
            catch (DbUpdateConcurrencyException ex) when (ex.Entries.Count > 0)
            {
                foreach (var lost in ex.Entries)
                {
                    logger.LogWarning("Outbox mail {OutboxId} outlived its claim and another send round took it over; its result here is not recorded",
                        ((OutboxMessage)lost.Entity).Id);
                    lost.State = EntityState.Detached;
                    changed.Remove((OutboxMessage)lost.Entity);
                }
            }
        }
        // Only rows with a result waiting are tracked, so each commit's change detection stays small whatever the round's size.
        foreach (var message in changed) db.Entry(message).State = EntityState.Detached;
        foreach (var change in changes) db.Entry(change).State = EntityState.Detached;
        if (changes.Count > 0) notifier.Wake(changes.Max(c => c.Id));
    }
}
