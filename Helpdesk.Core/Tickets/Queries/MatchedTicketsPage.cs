using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>
/// A text search's counts per status and page ids from one read of its matched tickets (id, status, sort keys), where
/// the matches are one scan of the ticket table (PostgreSQL, <see cref="TicketTextMatches.ScansTickets"/>): counting
/// them and then sorting them for the page would find them twice. Only for sorts by a key that is not text: the
/// database's collation orders text, and .NET's comparison need not agree with it.
/// </summary>
public static class MatchedTicketsPage
{
    /// <summary>Up to this many matches are read whole; beyond it the database counts and sorts them.</summary>
    public const int MostMatches = 20_000;

    public static bool Applies(TicketTextMatches text, TicketListRequest request) =>
        text.ScansTickets
        && request.Sort is TicketSortField.UpdatedAt or TicketSortField.CreatedAt or TicketSortField.Number or TicketSortField.Status;

    /// <returns>Null when there are more than <see cref="MostMatches"/> matches (their first ones read in vain).</returns>
    public static async Task<(Dictionary<TicketStatus, int> Counts, List<int> PageIds)?> ReadAsync(HelpdeskDbContext db, TicketListRequest request,
        TicketTextMatches text, int page, int pageSize, CancellationToken ct)
    {
        var matched = await TicketListFilter.AllButStatus(db, request, text)
            .OrderBy(t => t.Id) // which ones come first does not matter, but a row limit without an order is a warning
            .Take(MostMatches + 1)
            .Select(t => new Matched(t.Id, t.Status, t.UpdatedAt, t.CreatedAt))
            .ToListAsync(ct);
        if (matched.Count > MostMatches) return null;
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
