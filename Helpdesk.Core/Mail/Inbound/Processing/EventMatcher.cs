using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// Event matching: a monitoring tool repeating an alert within 24 hours of an open request with the same source,
/// requester and subject adds a note to it instead of a new request; an identical or empty text changes nothing.
/// (Configuration items and service instances are not modelled yet, so the seed's "without ci" rule always applies.)
/// </summary>
public sealed class EventMatcher(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public async Task<InboundDecision?> MatchAsync(HelpdeskDbContext db, NewTicket request, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        var open = new[] { TicketStatus.Completed, TicketStatus.Closed };
        var match = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.Source == request.Source && t.RequestedForId == request.RequestedForId && t.Subject == request.Subject
                && t.CreatedAt >= since && !open.Contains(t.Status))
            .OrderByDescending(t => t.CreatedAt).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        if (match is not { } ticketId) return null;

        var text = request.Description?.Trim() ?? "";
        var number = TicketNumber.Format(ticketId);
        if (text.Length == 0)
            return new IgnoreMail($"Matches the open event {number} from the last 24 hours and has no text: nothing changed.");
        var seen = await db.Set<CaseLogEntry>().AnyAsync(e => e.TicketId == ticketId && e.Text == text, ct);
        return seen
            ? new IgnoreMail($"Matches the open event {number} from the last 24 hours with a text it already has: nothing changed.")
            : new AddNote($"Matches the open event {number} from the last 24 hours: added as a note.", ticketId, request.DescriptionLog, text, request.DescriptionFormat);
    }
}
