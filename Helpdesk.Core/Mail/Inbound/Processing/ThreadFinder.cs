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
                if (ThreadRoot().Match(id) is { Success: true } root && int.TryParse(root.Groups[1].Value, out var rootTicket) && await ExistsAsync(db, rootTicket, ct))
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

    private static Task<bool> ExistsAsync(HelpdeskDbContext db, int id, CancellationToken ct) => db.Set<Ticket>().AnyAsync(t => t.Id == id, ct);

    // Our notifications reference the ticket's thread root "<ticket-42@host>".
    [GeneratedRegex(@"^<ticket-(\d{1,9})@", RegexOptions.CultureInvariant)]
    private static partial Regex ThreadRoot();
}
