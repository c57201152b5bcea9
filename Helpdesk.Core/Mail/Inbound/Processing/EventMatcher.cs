using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// Event matching: a mail within 24 hours of an open request with the same source, requester, service instance and
/// configuration item adds a note to it instead of a new request. Without a configuration item the subject must match
/// too. An empty text, or a text the request already has, changes nothing.
/// </summary>
public sealed class EventMatcher(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public async Task<InboundDecision?> MatchAsync(HelpdeskDbContext db, NewTicket request, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        var open = new[] { TicketStatus.Completed, TicketStatus.Closed };
        var candidates = db.Set<Ticket>().AsNoTracking()
            .Where(t => t.Source == request.Source && t.RequestedForId == request.RequestedForId
                && t.ServiceInstanceId == request.ServiceInstanceId && t.ConfigurationItemId == request.ConfigurationItemId
                && t.CreatedAt >= since && !open.Contains(t.Status));
        if (request.ConfigurationItemId is null)
            candidates = candidates.Where(t => t.Subject == request.Subject);
        var match = await candidates.OrderByDescending(t => t.CreatedAt).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
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
