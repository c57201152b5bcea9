using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// What <see cref="MailLoopGuard"/> asks about every mail, read once for a claimed batch: which of the batch's
/// Message-IDs belong to mail the helpdesk sent, and when mail from each of its senders was received in the hour before.
/// Both are written when a row is stored, so reading them before the batch is applied finds what asking each mail inside
/// the batch's transaction did; a question the facts cannot answer (a Message-ID or sender read otherwise than stored)
/// returns null, and the guard asks the database. Several writers may ask at once (<see cref="MailLanes{T}"/>).
/// </summary>
public sealed class LoopGuardFacts
{
    private readonly HashSet<string> _askedMessageIds;
    private readonly HashSet<string> _ownMessageIds;
    private readonly Dictionary<string, List<DateTime>> _receivedBySender;
    private readonly Lock _lock = new();

    private LoopGuardFacts(HashSet<string> askedMessageIds, HashSet<string> ownMessageIds, Dictionary<string, List<DateTime>> receivedBySender) =>
        (_askedMessageIds, _ownMessageIds, _receivedBySender) = (askedMessageIds, ownMessageIds, receivedBySender);

    public static async Task<LoopGuardFacts> OfAsync(HelpdeskDbContext db, IReadOnlyList<InboundMessage> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return new LoopGuardFacts([], [], []);
        var messageIds = rows.Select(r => r.MessageId).ToHashSet(StringComparer.Ordinal);
        var senders = rows.Select(r => r.SenderAddress).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var askedIds = messageIds.ToList();
        var own = await db.Set<OutboxMessage>().AsNoTracking().Where(m => askedIds.Contains(m.MessageId)).Select(m => m.MessageId).ToListAsync(ct);
        var (from, until) = (rows.Min(r => r.ReceivedAt).Add(-MailLoopGuard.RateWindow), rows.Max(r => r.ReceivedAt));
        var received = senders.Count == 0 ? [] : await db.Set<InboundMessage>().AsNoTracking()
            .Where(m => m.SenderAddress != null && senders.Contains(m.SenderAddress) && m.ReceivedAt > from && m.ReceivedAt <= until)
            .Select(m => new { m.SenderAddress, m.ReceivedAt }).ToListAsync(ct);
        var bySender = senders.ToDictionary(s => s, _ => new List<DateTime>(), StringComparer.Ordinal);
        foreach (var mail in received) bySender[mail.SenderAddress!].Add(mail.ReceivedAt);
        return new LoopGuardFacts(messageIds, own.ToHashSet(StringComparer.Ordinal), bySender);
    }

    /// <returns>Whether a mail the helpdesk sent carries <paramref name="messageId"/>; null when it was not asked.</returns>
    public bool? IsOwnMessageId(string messageId) => _askedMessageIds.Contains(messageId) ? _ownMessageIds.Contains(messageId) : null;

    /// <returns>
    /// How many mails from <paramref name="address"/> were received in the window before <paramref name="receivedAt"/>
    /// (inclusive), as <see cref="MailLoopGuard"/> counts them; null when the facts do not hold that sender.
    /// </returns>
    public int? ReceivedFrom(string address, DateTime receivedAt)
    {
        List<DateTime>? times;
        lock (_lock)
            if (!_receivedBySender.TryGetValue(address, out times)) return null;
        var from = receivedAt.Add(-MailLoopGuard.RateWindow);
        return times.Count(at => at > from && at <= receivedAt);
    }

    /// <summary>
    /// A mail's sender as processing read it. Its outcome writes that address over the stored one, which moves the mail
    /// from one sender's count to another's within the batch's transaction: both are then left to the database.
    /// </summary>
    public void SenderRead(string? stored, string? read)
    {
        if (string.Equals(stored, read, StringComparison.Ordinal)) return;
        lock (_lock)
        {
            if (stored is not null) _receivedBySender.Remove(stored);
            if (read is not null) _receivedBySender.Remove(read);
        }
    }
}
