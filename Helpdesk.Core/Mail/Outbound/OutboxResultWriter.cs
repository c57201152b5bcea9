using System.Threading.Channels;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>What became of one claimed mail: sent (with the bytes the server took, to keep), or failed (permanently or for a retry).</summary>
public sealed record OutboxSendResult(OutboxMessage Message, byte[]? Raw, string? Error = null, bool Permanent = false)
{
    public bool Sent => Error is null;
}

/// <summary>
/// The one writer of a send round's results, so parallel connections never queue for SQLite's write lock: each commit
/// records, in one transaction, every result that arrived while the previous commit ran or within <see cref="GatherFor"/>.
/// A crash loses at most those results; their mails are sent again with the same Message-ID once the claim's lease runs
/// out (at-least-once). The sent mails' raw copies are kept in the same transaction (<see cref="BlobStore"/>: a small
/// one is a row of it).
/// </summary>
/// <param name="apply">Records a result on its row, given the hash of its kept raw copy (null: none).</param>
/// <param name="gatherFor">How long results gather before a commit; <see cref="GatherFor"/> unless a test says otherwise.</param>
public sealed class OutboxResultWriter(HelpdeskDbContext db, BlobStore blobs, Action<OutboxSendResult, string?> apply, TicketChangeNotifier notifier,
    ILogger logger, DateTime now, TimeSpan? gatherFor = null)
{
    /// <summary>
    /// How long the writer lets results gather before a commit (group commit): each commit costs far more than its rows
    /// (2,000 results in 400 commits took about 1 s of CPU, in one 0.15 s). Real time, not the round's clock: it is a
    /// batching window, and a test's stopped clock must not stop the writer.
    /// </summary>
    public static readonly TimeSpan GatherFor = TimeSpan.FromMilliseconds(50);

    private readonly Channel<OutboxSendResult> _results = Channel.CreateUnbounded<OutboxSendResult>(new UnboundedChannelOptions { SingleReader = true });

    // Ends a gathering window early: the round has sent everything, so its last results need not wait.
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Hands a result to the writer; false once the writer has failed, and the sender should stop sending.</summary>
    public bool TryAdd(OutboxSendResult result) => _results.Writer.TryWrite(result);

    public void Complete()
    {
        _results.Writer.TryComplete();
        _completed.TrySetResult();
    }

    /// <summary>Writes until <see cref="Complete"/>; never cancelled, because a mail the server accepted must be recorded.</summary>
    public async Task RunAsync()
    {
        try
        {
            var finished = new List<OutboxSendResult>();
            while (await _results.Reader.WaitToReadAsync(CancellationToken.None))
            {
                await Task.WhenAny(Task.Delay(gatherFor ?? GatherFor), _completed.Task);
                while (_results.Reader.TryRead(out var result)) finished.Add(result);
                await SaveAsync(finished);
                finished.Clear();
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
    private async Task SaveAsync(List<OutboxSendResult> results)
    {
        // Raw copies that are files are written before the transaction (its write lock is not held meanwhile), rows within it.
        var kept = new string?[results.Count];
        for (var i = 0; i < results.Count; i++)
            if (results[i].Raw is { } raw && !blobs.KeepsAsRow(raw.Length)) kept[i] = await KeepAsync(results[i].Message, raw, within: null);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Raw is { } raw && blobs.KeepsAsRow(raw.Length)) kept[i] = await KeepAsync(results[i].Message, raw, db);
            apply(results[i], kept[i]);
        }
        var finished = results.Select(r => r.Message).ToList();
        var written = await OutboxResultRows.WriteAsync(db, finished);
        foreach (var lost in finished.Where(m => !written.Contains(m.Id)))
            logger.LogWarning("Outbox mail {OutboxId} outlived its claim and another send round took it over; its result here is not recorded", lost.Id);
        // The delivery changes commit with the results they announce.
        var changes = finished.Where(m => written.Contains(m.Id)).Select(m => m.TicketId).OfType<int>().Distinct()
            .Select(ticketId => new TicketChange { TicketId = ticketId, Kind = TicketChangeKind.MailDeliveryChanged, At = now }).ToList();
        db.AddRange(changes);
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        foreach (var change in changes) db.Entry(change).State = EntityState.Detached;
        if (changes.Count > 0) notifier.Wake(changes.Max(c => c.Id));
    }

    /// <summary>
    /// Keeps a sent mail's raw copy. The server has accepted the mail, so a copy its folder cannot take is logged and the
    /// send still recorded (else the mail would go out again); a row (<paramref name="within"/> the writer's context) is
    /// part of the transaction that records the send.
    /// </summary>
    private async Task<string?> KeepAsync(OutboxMessage message, byte[] raw, HelpdeskDbContext? within)
    {
        try
        {
            return await blobs.StoreAsync(raw, within, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError("The raw copy of sent outbox mail {OutboxId} could not be kept: {Error}", message.Id, ex.Message);
            return null;
        }
    }
}
