using Helpdesk.Core.Persistence;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>The list's filters in SQL; shared by the list, its counts and the views' counts.</summary>
public static class TicketListFilter
{
    public static readonly IReadOnlyList<TicketStatus> Open = [.. Enum.GetValues<TicketStatus>().Where(s => s.IsOpen())];

    public static IQueryable<Ticket> All(HelpdeskDbContext db, TicketListRequest request, TicketTextMatches text) =>
        Status(AllButStatus(db, request, text), request);

    public static IQueryable<Ticket> Status(IQueryable<Ticket> tickets, TicketListRequest request) =>
        request.Statuses.Count > 0 ? tickets.Where(t => request.Statuses.Contains(t.Status)) : tickets;

    /// <param name="text">The request's text, found by <see cref="TicketTextMatches.FindAsync"/>.</param>
    /// <param name="walkSortIndex">See <see cref="TicketTextMatches.Tickets"/>.</param>
    public static IQueryable<Ticket> AllButStatus(HelpdeskDbContext db, TicketListRequest request, TicketTextMatches text, bool walkSortIndex = false)
    {
        var tickets = text.Tickets(db, walkSortIndex);
        if (request.TeamId is { } teamId) tickets = tickets.Where(t => t.TeamId == teamId);
        if (request.Unassigned) tickets = tickets.Where(t => t.MemberId == null);
        else if (request.MemberId is { } memberId) tickets = tickets.Where(t => t.MemberId == memberId);
        if (request.Impact is { } impact) tickets = tickets.Where(t => t.Impact == impact);
        if (request.OverdueOnly) tickets = tickets.Where(t => t.OverdueAt != null && t.Status != TicketStatus.Completed && t.Status != TicketStatus.Closed);
        return tickets;
    }
}
