using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>
/// Counts per status for a list request's filters other than status: read from <see cref="TicketStatusCount"/> when
/// the request filters by team at most, counted in SQL otherwise. Both providers keep the table by triggers.
/// </summary>
public static class TicketStatusCounts
{
    public static bool FromTable(HelpdeskDbContext db, TicketListRequest request) =>
        request.TeamId is null or > 0 && request.MemberId is null && !request.Unassigned && request.Impact is null
        && !request.OverdueOnly && string.IsNullOrWhiteSpace(request.Text);

    /// <param name="text">The request's text, found by <see cref="TicketTextMatches.FindAsync"/>.</param>
    public static async Task<Dictionary<TicketStatus, int>> ForAsync(HelpdeskDbContext db, TicketListRequest request, TicketTextMatches text, CancellationToken ct)
    {
        if (!FromTable(db, request))
        {
            var filtered = TicketListFilter.AllButStatus(db, request, text);
            return await filtered.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(c => c.Key, c => c.Count, ct);
        }
        var rows = db.Set<TicketStatusCount>().AsNoTracking();
        if (request.TeamId is { } teamId) rows = rows.Where(c => c.TeamId == teamId);
        return await rows.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Sum(c => c.Count) }).Where(c => c.Count > 0)
            .ToDictionaryAsync(c => c.Key, c => c.Count, ct);
    }

    /// <summary>How many tickets the request lists, from its <see cref="ForAsync"/> counts.</summary>
    public static int Total(IReadOnlyDictionary<TicketStatus, int> counts, TicketListRequest request) =>
        request.Statuses.Count > 0 ? request.Statuses.Distinct().Sum(counts.GetValueOrDefault) : counts.Values.Sum();

    /// <summary>How many tickets the request lists, without the counts per status.</summary>
    public static async Task<int> TotalAsync(HelpdeskDbContext db, TicketListRequest request, CancellationToken ct) =>
        FromTable(db, request)
            ? Total(await ForAsync(db, request, TicketTextMatches.AnyTicket, ct), request)
            : await TicketListFilter.All(db, request, await TicketTextMatches.FindAsync(db, request.Text, ct)).CountAsync(ct);
}
