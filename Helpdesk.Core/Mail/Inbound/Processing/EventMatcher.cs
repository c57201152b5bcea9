using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// Event matching (Mail API). With a configuration item: a mail received within 24 hours of the creation of an open
/// request with the same source, requester, service instance and configuration item adds its text as a note to that
/// request; an empty text, or one the request already has, changes nothing. Without a configuration item a new request
/// is created unless an open request from the past 24 hours has the same source, requester, subject and text: then
/// nothing changes at all.
/// </summary>
public sealed class EventMatcher
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private static readonly TicketStatus[] Finished = [TicketStatus.Completed, TicketStatus.Closed];

    /// <param name="honoured">The mail's parameters, when the sender may use them: those not used for matching are reported as ignored.</param>
    /// <param name="receivedAt">When the mail arrived: the window counts from then, not from when it is processed.</param>
    public async Task<InboundDecision?> MatchAsync(HelpdeskDbContext db, NewTicket request, IReadOnlyList<MailParameter> honoured, DateTime receivedAt, CancellationToken ct)
    {
        var (from, until) = (receivedAt - Window, receivedAt + Window);
        var candidates = db.Set<Ticket>().AsNoTracking()
            .Where(t => t.Source == request.Source && t.RequestedForId == request.RequestedForId
                && t.CreatedAt >= from && t.CreatedAt <= until && !Finished.Contains(t.Status));
        var text = request.Description?.Trim() ?? "";
        if (request.ConfigurationItemId is null)
            return await MatchWithoutCiAsync(db, candidates, request.Subject, text, ct);
        var decision = await MatchWithCiAsync(db, candidates, request, text, ct);
        return decision is AddNote note ? note with { Notes = NoteParameters.IgnoredNote(honoured, NoteParameters.ForEventMatching) } : decision;
    }

    private static async Task<InboundDecision?> MatchWithCiAsync(HelpdeskDbContext db, IQueryable<Ticket> candidates, NewTicket request, string text, CancellationToken ct)
    {
        var match = await candidates
            .Where(t => t.ServiceInstanceId == request.ServiceInstanceId && t.ConfigurationItemId == request.ConfigurationItemId)
            .OrderByDescending(t => t.CreatedAt).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        if (match is not { } ticketId) return null;

        var number = TicketNumber.Format(ticketId);
        if (text.Length == 0)
            return new IgnoreMail($"Matches the open event {number} from the last 24 hours and has no text: nothing changed.", TicketId: ticketId);
        var seen = await db.Set<CaseLogEntry>().AnyAsync(e => e.TicketId == ticketId && e.Text == text, ct);
        return seen
            ? new IgnoreMail($"Matches the open event {number} from the last 24 hours with a text it already has: nothing changed.", TicketId: ticketId)
            : new AddNote($"Matches the open event {number} from the last 24 hours: added as a note.", ticketId, request.DescriptionLog, text, request.DescriptionFormat);
    }

    private static async Task<InboundDecision?> MatchWithoutCiAsync(HelpdeskDbContext db, IQueryable<Ticket> candidates, string subject, string text, CancellationToken ct)
    {
        // The request's own text is its first case-log entry; a request created without text has none.
        var match = await candidates.Where(t => t.Subject == subject)
            .Select(t => new { t.Id, t.CreatedAt, Text = db.Set<CaseLogEntry>().Where(e => e.TicketId == t.Id).OrderBy(e => e.Id).Select(e => e.Text).FirstOrDefault() })
            .Where(t => (t.Text ?? "") == text)
            .OrderByDescending(t => t.CreatedAt).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        return match is { } ticketId
            ? new IgnoreMail($"The same event as the open request {TicketNumber.Format(ticketId)} from the last 24 hours (same subject and text): nothing changed.", TicketId: ticketId)
            : null;
    }
}
