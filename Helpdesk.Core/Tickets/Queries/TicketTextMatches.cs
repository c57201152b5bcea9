using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Search;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>
/// The tickets a list request's text finds: the one whose number it names, the search index's matches and the tickets of
/// requesters whose name contains it. Found once per request and the source of each of its statements (counts, total, page).
/// </summary>
/// <remarks>
/// On SQLite they stay a subquery of each statement, which SQLite reads once into a temporary index. On PostgreSQL a
/// ticket's subject and requester's address are words of its own row (<see cref="TicketSearchIndex.TicketsMatching"/>):
/// the statements read the ticket table where those match or the id is one of the other matches (case-log entries,
/// requesters by name, the number), which are read first and go as one array (<c>"Id" = ANY(@ids)</c>). As a subquery
/// beside the rest (<c>OR "Id" IN (…)</c>) PostgreSQL cannot join them and checks every ticket against them instead, and
/// once they outgrow <c>work_mem</c> it re-reads them for each ticket (a common word at a million tickets ran for hours).
/// An array's ids are looked up by primary key or, when PostgreSQL plans for the array it is given and it is large, put
/// in a hash table for one scan: a search costs in proportion to its matches or to the tickets, never to both.
/// </remarks>
public sealed class TicketTextMatches
{
    /// <summary>No text: every ticket.</summary>
    public static readonly TicketTextMatches AnyTicket = new(number: -1, query: null, match: null, ids: null);

    private readonly int _number;
    private readonly IQueryable<int>? _query;
    private readonly string? _match;
    private readonly int[]? _ids;

    private TicketTextMatches(int number, IQueryable<int>? query, string? match, int[]? ids) =>
        (_number, _query, _match, _ids) = (number, query, match, ids);

    /// <summary>PostgreSQL's matches: one scan of the ticket table, whose matched rows can be read whole (<see cref="MatchedTicketsPage"/>).</summary>
    public bool ScansTickets => _ids is not null;

    public static async Task<TicketTextMatches> FindAsync(HelpdeskDbContext db, string? text, CancellationToken ct)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return AnyTicket;

        var number = TicketNumber.FromTyped(text) ?? -1;
        var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var requesters = db.Set<Person>().Where(p => EF.Functions.Like(p.Name, pattern, "\\")).Select(p => p.Id);
        var matches = db.Set<Ticket>().Where(t => requesters.Contains(t.RequestedForId)).Select(t => t.Id);
        var match = FtsMatch.From(text);
        if (!db.Database.IsNpgsql())
            return new(number, match is null ? matches : TicketSearchIndex.TicketIds(db, match).Union(matches), match: null, ids: null);

        if (match is not null) matches = TicketSearchIndex.EntryTicketIds(db, match).Union(matches);
        var ids = await matches.ToListAsync(ct);
        if (number > 0 && !ids.Contains(number)) ids.Add(number);
        return new(number: -1, query: null, match, [.. ids]);
    }

    /// <summary>The tickets this text finds, every ticket for no text, untracked.</summary>
    /// <param name="walkSortIndex">
    /// SQLite only: keep it from reading the matches by id (an id + 0 is no index lookup), so that it walks the sort's
    /// index and checks each ticket against the matches; see TicketListQuery.
    /// </param>
    public IQueryable<Ticket> Tickets(HelpdeskDbContext db, bool walkSortIndex = false)
    {
        if (_ids is { } ids)
            return (_match is { } match ? TicketSearchIndex.TicketsMatching(db, match, ids) : db.Set<Ticket>().Where(t => ids.Contains(t.Id))).AsNoTracking();
        var tickets = db.Set<Ticket>().AsNoTracking();
        if (_query is not { } matches) return tickets;
        var number = _number;
        return walkSortIndex
            ? tickets.Where(t => t.Id + 0 == number || matches.Contains(t.Id + 0))
            : tickets.Where(t => t.Id == number || matches.Contains(t.Id));
    }
}
