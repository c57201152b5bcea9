using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>
/// A text search's counts per status and page ids from one read of its matched tickets (id, status, sort keys), where
/// the matches are an array of ids (PostgreSQL, <see cref="TicketTextMatches"/>). Counting them and then sorting them
/// for the page looked each match up by primary key twice, and at a million tickets those lookups were most of a
/// search's time. Only for sorts by a key that is not text: the database's collation orders text, and .NET's comparison
/// need not agree with it.
/// </summary>
public static class MatchedTicketsPage
{
    /// <summary>Up to this many matches are read whole; beyond it the database counts and sorts them.</summary>
    public const int MostMatches = 20_000;

    public static bool Applies(TicketTextMatches text, TicketListRequest request) =>
        text.IdCount is > 0 and <= MostMatches
        && request.Sort is TicketSortField.UpdatedAt or TicketSortField.CreatedAt or TicketSortField.Number or TicketSortField.Status;

    public static async Task<(Dictionary<TicketStatus, int> Counts, List<int> PageIds)> ReadAsync(HelpdeskDbContext db, TicketListRequest request,
        TicketTextMatches text, int page, int pageSize, CancellationToken ct)
    {
        var matched = await TicketListFilter.AllButStatus(db.Set<Ticket>().AsNoTracking(), request, text)
            .Select(t => new Matched(t.Id, t.Status, t.UpdatedAt, t.CreatedAt))
            .ToListAsync(ct);
        var counts = matched.CountBy(m => m.Status).ToDictionary();
        var listed = request.Statuses.Count > 0 ? matched.Where(m => request.Statuses.Contains(m.Status)) : matched;
        return (counts, [.. Sort(listed, request).Skip(page * pageSize).Take(pageSize).Select(m => m.Id)]);
    }

    private sealed record Matched(int Id, TicketStatus Status, DateTime UpdatedAt, DateTime CreatedAt);

    // The same order as TicketListQuery's SQL: the status ranks by its lifecycle (the enum's value), ties by number.
    private static IEnumerable<Matched> Sort(IEnumerable<Matched> tickets, TicketListRequest request) => (request.Sort, request.Descending) switch
    {
        (TicketSortField.Number, false) => tickets.OrderBy(t => t.Id),
        (TicketSortField.Number, true) => tickets.OrderByDescending(t => t.Id),
        (TicketSortField.Status, false) => tickets.OrderBy(t => (int)t.Status).ThenBy(t => t.Id),
        (TicketSortField.Status, true) => tickets.OrderByDescending(t => (int)t.Status).ThenByDescending(t => t.Id),
        (TicketSortField.CreatedAt, false) => tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        (TicketSortField.CreatedAt, true) => tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        (_, false) => tickets.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
        _ => tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
    };
}
