using System.Text.RegularExpressions;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// Finds the ticket a mail belongs to: a reply to any mail of the ticket, ours or received (In-Reply-To/References),
/// else a ticket number in the subject, else another ticket system's number that an earlier mail of that system brought.
/// </summary>
public static partial class ThreadFinder
{
    public static async Task<(int TicketId, string How)?> FindAsync(HelpdeskDbContext db, InboundMailContent content, ExternalTicketNumber? external, CancellationToken ct)
    {
        var ids = new[] { content.InReplyTo }.Concat(content.References).OfType<string>().Distinct().ToList();
        if (ids.Count > 0)
        {
            var fromOutbox = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => ids.Contains(m.MessageId) && m.TicketId != null).Select(m => m.TicketId).FirstOrDefaultAsync(ct);
            if (fromOutbox is { } outboxTicket && await ExistsAsync(db, outboxTicket, ct))
                return (outboxTicket, "a reply to our mail about it");
            var fromInbound = await db.Set<InboundMessage>().AsNoTracking()
                .Where(m => ids.Contains(m.MessageId) && m.TicketId != null).OrderBy(m => m.Id).Select(m => m.TicketId).FirstOrDefaultAsync(ct);
            if (fromInbound is { } inboundTicket && await ExistsAsync(db, inboundTicket, ct))
                return (inboundTicket, "a reply to a mail received about it");
            foreach (var id in ids)
                if (RootTicket(id) is { } rootTicket && await ExistsAsync(db, rootTicket, ct))
                    return (rootTicket, "a reply in its mail thread");
        }
        if (TicketNumber.FindIn(content.Subject) is { } number && await ExistsAsync(db, number, ct))
            return (number, $"{TicketNumber.Format(number)} in the subject");
        if (external is not null)
        {
            var mirrored = await db.Set<Ticket>().Where(t => t.ExternalSystem == external.System && t.ExternalNumber == external.Number)
                .OrderBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (mirrored is { } mirroredTicket)
                return (mirroredTicket, $"{external.Number} of {external.System}, which it mirrors");
        }
        return null;
    }

    /// <summary>
    /// The tickets that mails with these Message-IDs belong to, ours or received: what a reply to them, or a report on
    /// them, may be added to.
    /// </summary>
    public static async Task<IReadOnlyList<int>> TicketsOfAsync(HelpdeskDbContext db, IReadOnlyCollection<string> messageIds, CancellationToken ct)
    {
        var ids = messageIds.ToList();
        var roots = ids.Select(RootTicket).OfType<int>();
        if (ids.Count == 0) return [];
        var ours = db.Set<OutboxMessage>().Where(m => ids.Contains(m.MessageId) && m.TicketId != null).Select(m => m.TicketId!.Value);
        var received = db.Set<InboundMessage>().Where(m => ids.Contains(m.MessageId) && m.TicketId != null).Select(m => m.TicketId!.Value);
        return [.. roots.Union(await ours.Union(received).ToListAsync(ct))];
    }

    /// <summary>The ticket of a thread root Message-ID that our notifications reference ("&lt;ticket-42@host&gt;").</summary>
    private static int? RootTicket(string messageId) =>
        ThreadRoot().Match(messageId) is { Success: true } root && int.TryParse(root.Groups[1].Value, out var ticket) ? ticket : null;

    private static Task<bool> ExistsAsync(HelpdeskDbContext db, int id, CancellationToken ct) => db.Set<Ticket>().AnyAsync(t => t.Id == id, ct);

    [GeneratedRegex(@"^<ticket-(\d{1,9})@", RegexOptions.CultureInvariant)]
    private static partial Regex ThreadRoot();
}
