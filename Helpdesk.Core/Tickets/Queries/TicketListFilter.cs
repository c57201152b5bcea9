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

    /// <param name="walkSortIndex">
    /// Keep SQLite from reading the text's matches by id (an id + 0 is no index lookup), so that it walks the sort's
    /// index and checks each ticket against the matches; see TicketListQuery.
    /// </param>
    public static IQueryable<Ticket> AllButStatus(HelpdeskDbContext db, IQueryable<Ticket> tickets, TicketListRequest request, bool walkSortIndex = false)
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
        // The requesters' tickets by id, like the search index's matches: one set of ids, looked up or checked alike.
        var requesters = db.Set<People.Person>().Where(p => EF.Functions.Like(p.Name, pattern, "\\")).Select(p => p.Id);
        var matches = db.Set<Ticket>().Where(t => requesters.Contains(t.RequestedForId)).Select(t => t.Id);
        if (FtsMatch.From(text) is { } match) matches = TicketSearchIndex.TicketIds(db, match).Union(matches);
        return walkSortIndex
            ? tickets.Where(t => t.Id + 0 == id || matches.Contains(t.Id + 0))
            : tickets.Where(t => t.Id == id || matches.Contains(t.Id));
    }
}
