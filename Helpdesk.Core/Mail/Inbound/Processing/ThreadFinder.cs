using System.Text.RegularExpressions;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>Finds the ticket a mail belongs to: a reply to one of our mails (In-Reply-To/References), else a ticket number in the subject.</summary>
public static partial class ThreadFinder
{
    public static async Task<(int TicketId, string How)?> FindAsync(HelpdeskDbContext db, InboundMailContent content, CancellationToken ct)
    {
        var ids = new[] { content.InReplyTo }.Concat(content.References).OfType<string>().Distinct().ToList();
        if (ids.Count > 0)
        {
            var fromOutbox = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => ids.Contains(m.MessageId) && m.TicketId != null).Select(m => m.TicketId).FirstOrDefaultAsync(ct);
            if (fromOutbox is { } outboxTicket && await ExistsAsync(db, outboxTicket, ct))
                return (outboxTicket, "a reply to our mail about it");
            foreach (var id in ids)
                if (ThreadRoot().Match(id) is { Success: true } root && int.TryParse(root.Groups[1].Value, out var rootTicket) && await ExistsAsync(db, rootTicket, ct))
                    return (rootTicket, "a reply in its mail thread");
        }
        if (TicketNumber.FindIn(content.Subject) is { } number && await ExistsAsync(db, number, ct))
            return (number, $"{TicketNumber.Format(number)} in the subject");
        return null;
    }

    private static Task<bool> ExistsAsync(HelpdeskDbContext db, int id, CancellationToken ct) => db.Set<Ticket>().AnyAsync(t => t.Id == id, ct);

    // Our notifications reference the ticket's thread root "<ticket-42@host>".
    [GeneratedRegex(@"^<ticket-(\d{1,9})@", RegexOptions.CultureInvariant)]
    private static partial Regex ThreadRoot();
}
