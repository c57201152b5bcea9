using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Live;

/// <summary>
/// A changed ticket's row put into the page a list shows as soon as the change is heard, before the list's coalesced
/// reload (<see cref="TicketChangeBatcher"/>: at most four a second) brings the whole page with its total and counts.
/// The row goes where the list's order puts it among the rows shown; where that cannot be told here, the page is left
/// for the reload.
/// </summary>
public static class TicketListPatch
{
    /// <summary>Whether a change is worth asking for its ticket's row: it may touch the page, and the row's place can be told.</summary>
    /// <remarks>Not for a text search: whether a ticket matches comes from the search index, with the page.</remarks>
    public static bool Applies(TicketChanged change, TicketListRequest request, IReadOnlyList<TicketSummary> page) =>
        string.IsNullOrWhiteSpace(request.Text) && TicketListRelevance.CanTouch(change, request, page)
        && (OrdersByRowFields(request.Sort) || page.Any(t => t.Id == change.TicketId));

    /// <summary>
    /// The page with <paramref name="row"/> (the ticket as the list shows it now; null: it no longer matches the filters)
    /// in its place: on a page ordered by number, status or a time, where the order puts it among the other rows, or off
    /// the page when it now belongs to an earlier or later one; otherwise in its old place if its sort key is unchanged.
    /// </summary>
    public static IReadOnlyList<TicketSummary> Apply(IReadOnlyList<TicketSummary> page, TicketListRequest request, int ticketId, TicketSummary? row)
    {
        var index = IndexOf(page, ticketId);
        var others = index < 0 ? page : [.. page.Where(t => t.Id != ticketId)];
        if (row is null) return others;
        if (!OrdersByRowFields(request.Sort))
            return index >= 0 && SameSortKey(page[index], row, request.Sort) ? [.. page.Select(t => t.Id == ticketId ? row : t)] : page;

        var position = others.Count(t => Compare(t, row, request) < 0);
        var pageSize = Math.Clamp(request.PageSize, 1, TicketListQuery.MaxPageSize);
        var movedUp = index >= 0 && Compare(row, page[index], request) < 0;
        var movedDown = index >= 0 && Compare(row, page[index], request) > 0;
        // Before every row of a later page: unless it was the first and moved down, it belongs to an earlier page.
        if (position == 0 && request.Page > 0 && others.Count > 0 && !(index == 0 && !movedUp)) return others;
        // After every row of a full page: unless it was the last and moved up, it belongs to a later page.
        if (position == others.Count && page.Count >= pageSize && !(index == page.Count - 1 && !movedDown)) return others;
        var patched = others.ToList();
        patched.Insert(position, row);
        return patched.Count > pageSize ? patched[..pageSize] : patched;
    }

    private static int IndexOf(IReadOnlyList<TicketSummary> page, int ticketId)
    {
        for (var i = 0; i < page.Count; i++)
            if (page[i].Id == ticketId) return i;
        return -1;
    }

    /// <summary>Orders whose place a row's own fields tell exactly, as TicketListQuery sorts (the id breaks ties).</summary>
    private static bool OrdersByRowFields(TicketSortField sort) =>
        sort is TicketSortField.Number or TicketSortField.Status or TicketSortField.CreatedAt or TicketSortField.UpdatedAt;

    /// <summary>Negative when <paramref name="a"/> is shown before <paramref name="b"/>.</summary>
    private static int Compare(TicketSummary a, TicketSummary b, TicketListRequest request)
    {
        var ascending = request.Sort switch
        {
            TicketSortField.Status => ((int)a.Status).CompareTo((int)b.Status),
            TicketSortField.CreatedAt => a.CreatedAt.CompareTo(b.CreatedAt),
            TicketSortField.UpdatedAt => a.UpdatedAt.CompareTo(b.UpdatedAt),
            _ => 0,
        };
        if (ascending == 0) ascending = a.Id.CompareTo(b.Id);
        return request.Descending ? -ascending : ascending;
    }

    private static bool SameSortKey(TicketSummary shown, TicketSummary row, TicketSortField sort) => sort switch
    {
        TicketSortField.Subject => shown.Subject == row.Subject,
        TicketSortField.Requester => shown.RequesterName == row.RequesterName,
        TicketSortField.Team => shown.TeamName == row.TeamName,
        TicketSortField.Member => shown.MemberName == row.MemberName,
        _ => false,
    };
}
