using System.Linq.Expressions;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>One page of the ticket list, filtered and sorted in SQL, with counts per status (<see cref="TicketStatusCounts"/>).</summary>
public sealed class TicketListQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public const int MaxPageSize = 200;

    /// <returns>An empty page for an actor who may not see tickets.</returns>
    public async Task<TicketListResult> ExecuteAsync(TicketListRequest request, Actor actor, CancellationToken ct = default)
    {
        if (TicketAccess.ListScopeOf(actor) == TicketListScope.NoTickets) return new TicketListResult([], 0, new Dictionary<TicketStatus, int>());
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await CancellableQuery.RunAsync(db, () => PageAsync(db, request, ct), ct);
    }

    /// <summary>
    /// One ticket's row as the list <paramref name="request"/> would show it, or null when the ticket does not match the
    /// list's filters (or the actor may not see tickets). Not for a text search: its matches come from the search index
    /// as a whole, which is the page's query's work.
    /// </summary>
    public async Task<TicketSummary?> RowAsync(TicketListRequest request, Actor actor, int ticketId, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(request.Text)) throw new ArgumentException("A text search's rows come with its page.", nameof(request));
        if (TicketAccess.ListScopeOf(actor) == TicketListScope.NoTickets) return null;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var ticket = TicketListFilter.All(db, request, TicketTextMatches.AnyTicket).Where(t => t.Id == ticketId);
        return await CancellableQuery.RunAsync(db, async () => (await ItemsAsync(db, request, ticket, ct)).SingleOrDefault(), ct);
    }

    private static async Task<TicketListResult> PageAsync(HelpdeskDbContext db, TicketListRequest request, CancellationToken ct)
    {
        var text = await TicketTextMatches.FindAsync(db, request.Text, ct);
        var (page, pageSize) = (Math.Max(0, request.Page), Math.Clamp(request.PageSize, 1, MaxPageSize));
        if (MatchedTicketsPage.Applies(text, request) && await MatchedTicketsPage.ReadAsync(db, request, text, page, pageSize, ct) is ({ } matchedCounts, { } ids))
        {
            var onPage = await ItemsAsync(db, request, db.Set<Ticket>().AsNoTracking().Where(t => ids.Contains(t.Id)), ct);
            return new TicketListResult(onPage, TicketStatusCounts.Total(matchedCounts, request), matchedCounts);
        }

        var counts = await TicketStatusCounts.ForAsync(db, request, text, ct);
        var total = TicketStatusCounts.Total(counts, request);
        var walkForText = await TextWalksTheSortIndexAsync(db, request, total, pageEnd: (page + 1L) * pageSize, ct);
        var filtered = TicketListFilter.AllButStatus(db, request, text, walkForText);
        filtered = WalksTheSortIndex(db, request, counts, total)
            ? filtered.Where(t => request.Statuses.Contains(EF.Functions.Collate(t.Status, "NOCASE")))
            : TicketListFilter.Status(filtered, request);

        // The page's ids are sorted first and only those tickets joined to their people, team and SLA plan: a search
        // matching thousands of tickets would otherwise join every match before the sort keeps 25.
        var pageIds = Sort(filtered, request).Skip(page * pageSize).Take(pageSize).Select(t => t.Id);
        var items = await ItemsAsync(db, request, db.Set<Ticket>().AsNoTracking().Where(t => pageIds.Contains(t.Id)), ct);
        return new TicketListResult(items, total, counts);
    }

    private static Task<List<TicketSummary>> ItemsAsync(HelpdeskDbContext db, TicketListRequest request, IQueryable<Ticket> onPage, CancellationToken ct) =>
        Sort(onPage, request)
            .Select(t => new TicketSummary(
                t.Id, TicketNumber.Prefix + t.Id, t.Subject, t.Status, t.Category, t.Impact,
                t.RequestedFor!.Name, t.RequestedFor.PrimaryEmail,
                t.Team == null ? null : t.Team.Name,
                t.Member == null ? null : t.Member.Name,
                t.CreatedAt, t.UpdatedAt,
                TicketSla.DueAt(t.ResolutionTargetAt, t.CreatedAt,
                    db.Set<Correspondence.SlaPlan>().Where(p => p.Id == t.SlaPlanId).Select(p => (int?)p.GracePeriodHours).FirstOrDefault(), t.SlaPausedMinutes),
                TicketSla.ClockStopped(t.Status, t.ResolutionTargetAt),
                t.OverdueAt != null,
                t.Version))
            .ToListAsync(ct);

    // Several statuses (the Open view) cannot be read in UpdatedAt order from (Status, UpdatedAt): SQLite would sort every
    // matching ticket. When they are a fair share of the tickets, walking the UpdatedAt index and checking each ticket's
    // status stops sooner; NOCASE (the same answer for these values) keeps SQLite off the Status index.
    private static bool WalksTheSortIndex(HelpdeskDbContext db, TicketListRequest request, IReadOnlyDictionary<TicketStatus, int> counts, int total) =>
        db.Database.IsSqlite() && request.Statuses.Count > 1 && request.Sort == TicketSortField.UpdatedAt && TicketStatusCounts.FromTable(db, request)
        && total * 200L >= counts.Values.Sum();

    // A text search's matches come by id from the search index, and reading each one's row to sort them costs about two
    // steps of a walk down the sort index checking ids against the matches. Walk when the page is found in fewer steps:
    // matches spread evenly, it ends after (page + 1) × size × (tickets in the index / matches). Tickets in the index come
    // from the counts table, so only for a team filter at most and no status (several statuses have their own walk).
    private static async Task<bool> TextWalksTheSortIndexAsync(HelpdeskDbContext db, TicketListRequest request, int total, long pageEnd, CancellationToken ct)
    {
        var withoutText = request with { Text = null };
        if (!db.Database.IsSqlite() || string.IsNullOrWhiteSpace(request.Text) || request.Sort != TicketSortField.UpdatedAt
            || request.Statuses.Count > 0 || !TicketStatusCounts.FromTable(db, withoutText)) return false;
        var indexed = (await TicketStatusCounts.ForAsync(db, withoutText, TicketTextMatches.AnyTicket, ct)).Values.Sum();
        return pageEnd * indexed < 2L * total * total;
    }

    // Statuses are stored as text; sorting by it would be alphabetical. This CASE ranks them in lifecycle order.
    private static readonly Expression<Func<Ticket, int>> StatusRank = BuildStatusRank();

    private static Expression<Func<Ticket, int>> BuildStatusRank()
    {
        var ticket = Expression.Parameter(typeof(Ticket), "t");
        var status = Expression.Property(ticket, nameof(Ticket.Status));
        Expression rank = Expression.Constant(int.MaxValue);
        foreach (var value in Enum.GetValues<TicketStatus>().Reverse())
            rank = Expression.Condition(Expression.Equal(status, Expression.Constant(value)), Expression.Constant((int)value), rank);
        return Expression.Lambda<Func<Ticket, int>>(rank, ticket);
    }

    private static IQueryable<Ticket> Sort(IQueryable<Ticket> tickets, TicketListRequest request) => (request.Sort, request.Descending) switch
    {
        (TicketSortField.Number, false) => tickets.OrderBy(t => t.Id),
        (TicketSortField.Number, true) => tickets.OrderByDescending(t => t.Id),
        (TicketSortField.Subject, false) => tickets.OrderBy(t => t.Subject).ThenBy(t => t.Id),
        (TicketSortField.Subject, true) => tickets.OrderByDescending(t => t.Subject).ThenByDescending(t => t.Id),
        (TicketSortField.Status, false) => tickets.OrderBy(StatusRank).ThenBy(t => t.Id),
        (TicketSortField.Status, true) => tickets.OrderByDescending(StatusRank).ThenByDescending(t => t.Id),
        (TicketSortField.Requester, false) => tickets.OrderBy(t => t.RequestedFor!.Name).ThenBy(t => t.Id),
        (TicketSortField.Requester, true) => tickets.OrderByDescending(t => t.RequestedFor!.Name).ThenByDescending(t => t.Id),
        (TicketSortField.Team, false) => tickets.OrderBy(t => t.Team!.Name).ThenBy(t => t.Id),
        (TicketSortField.Team, true) => tickets.OrderByDescending(t => t.Team!.Name).ThenByDescending(t => t.Id),
        (TicketSortField.Member, false) => tickets.OrderBy(t => t.Member!.Name).ThenBy(t => t.Id),
        (TicketSortField.Member, true) => tickets.OrderByDescending(t => t.Member!.Name).ThenByDescending(t => t.Id),
        (TicketSortField.CreatedAt, false) => tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        (TicketSortField.CreatedAt, true) => tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        (_, false) => tickets.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
        _ => tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
    };
}
