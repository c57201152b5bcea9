using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Outbound.MailOut;

/// <summary>
/// The threading headers of every mail about a ticket. In-Reply-To is the mail being answered: the customer's own last
/// message on the ticket where there is one, else our previous mail. References is the ticket's thread: its root, then
/// its mails in and out in time order up to the one answered (the latest few, so the header stays short).
/// </summary>
public sealed record MailThread(string InReplyTo, string References)
{
    private const int MostReferenced = 10;

    /// <param name="entries">The ticket's case log (as in its facts): received mails are the entries they became.</param>
    public static async Task<MailThread> OfAsync(HelpdeskDbContext db, int ticketId, IReadOnlyList<CaseLogEntry> entries, string host, CancellationToken ct)
    {
        // A mail that never left (failed) answered nothing.
        var ours = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.TicketId == ticketId && m.Status != OutboxStatus.Failed)
            .OrderByDescending(m => m.Id).Take(MostReferenced).Select(m => new Sent(m.CreatedAt, m.Id, m.MessageId)).ToListAsync(ct);
        return Of(ticketId, entries, ours, host);
    }

    /// <summary>The thread of a ticket that <paramref name="db"/> created in its open transaction: its saved mails are all tracked there.</summary>
    public static MailThread OfNewTicket(HelpdeskDbContext db, int ticketId, IReadOnlyList<CaseLogEntry> entries, string host)
    {
        var ours = db.Saved<OutboxMessage>().Where(m => m.TicketId == ticketId && m.Status != OutboxStatus.Failed)
            .OrderByDescending(m => m.Id).Take(MostReferenced).Select(m => new Sent(m.CreatedAt, m.Id, m.MessageId)).ToList();
        return Of(ticketId, entries, ours, host);
    }

    private sealed record Sent(DateTime CreatedAt, long Id, string MessageId);

    private static MailThread Of(int ticketId, IReadOnlyList<CaseLogEntry> entries, IEnumerable<Sent> sent, string host)
    {
        var received = entries.Where(e => e.Origin == EntryOrigin.Customer && e.SourceMessageId is not null)
            .Select(e => (At: e.CreatedAt, Ours: false, Order: e.Id, MessageId: e.SourceMessageId!)).ToList();
        var ours = sent.Select(m => (At: m.CreatedAt, Ours: true, Order: m.Id, m.MessageId));
        // At one instant a received mail comes first: what we send at that time answers it.
        var thread = received.Concat(ours).OrderBy(m => m.At).ThenBy(m => m.Ours).ThenBy(m => m.Order).Select(m => m.MessageId).Distinct().ToList();
        var root = OutboxMail.ThreadRoot(ticketId, host);
        var answered = received.Count > 0 ? received.MaxBy(m => (m.At, m.Order)).MessageId : thread.LastOrDefault();
        if (answered is null) return new MailThread(root, root);
        var upToAnswered = thread.Take(thread.IndexOf(answered) + 1).TakeLast(MostReferenced);
        return new MailThread(answered, string.Join(' ', upToAnswered.Prepend(root)));
    }
}
