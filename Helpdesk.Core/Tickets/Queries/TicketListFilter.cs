using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Search;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>The list's filters in SQL; shared by the list, its counts and the views' counts.</summary>
public static class TicketListFilter
{
    public static readonly IReadOnlyList<TicketStatus> Open = [.. Enum.GetValues<TicketStatus>().Where(s => s.IsOpen())];

    public static IQueryable<Ticket> All(HelpdeskDbContext db, IQueryable<Ticket> tickets, TicketListRequest request) =>
        Status(AllButStatus(db, tickets, request), request);

    public static IQueryable<Ticket> Status(IQueryable<Ticket> tickets, TicketListRequest request) =>
        request.Statuses.Count > 0 ? tickets.Where(t => request.Statuses.Contains(t.Status)) : tickets;

    public static IQueryable<Ticket> AllButStatus(HelpdeskDbContext db, IQueryable<Ticket> tickets, TicketListRequest request)
    {
        if (request.TeamId is { } teamId) tickets = tickets.Where(t => t.TeamId == teamId);
        if (request.Unassigned) tickets = tickets.Where(t => t.MemberId == null);
        else if (request.MemberId is { } memberId) tickets = tickets.Where(t => t.MemberId == memberId);
        if (request.Impact is { } impact) tickets = tickets.Where(t => t.Impact == impact);
        if (request.OverdueOnly) tickets = tickets.Where(t => t.OverdueAt != null && t.Status != TicketStatus.Completed && t.Status != TicketStatus.Closed);
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return tickets;

        var id = TicketNumber.FindIn(text) ?? (int.TryParse(text.TrimStart('#'), out var n) ? n : -1);
        var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        // The requester as a subquery on Person, not through the join: each OR term is then an index lookup on Ticket.
        var requesters = db.Set<People.Person>().Where(p => EF.Functions.Like(p.Name, pattern, "\\")).Select(p => p.Id);
        if (FtsMatch.From(text) is not { } match)
            return tickets.Where(t => t.Id == id || requesters.Contains(t.RequestedForId));
        var found = TicketSearchIndex.TicketIds(db, match);
        return tickets.Where(t => t.Id == id || found.Contains(t.Id) || requesters.Contains(t.RequestedForId));
    }
}
