using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Search;

/// <summary>The tickets whose subject, case-log text or sender addresses match, best first, each with its best snippet.</summary>
public sealed class TicketSearchQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public const int MaxResults = 50;

    /// <returns>Nothing for an actor who may not see tickets.</returns>
    /// <remarks>Its two statements share one connection, opened once, and cancelling <paramref name="ct"/> stops the one running (<see cref="CancellableQuery"/>).</remarks>
    public async Task<IReadOnlyList<TicketSearchResult>> ExecuteAsync(string? text, Actor actor, CancellationToken ct = default)
    {
        if (!TicketAccess.AllowsAgent(actor, TicketOperation.View) || FtsMatch.From(text) is not { } match) return [];
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await CancellableQuery.RunAsync(db, () => ResultsAsync(db, match, ct), ct);
    }

    private static async Task<IReadOnlyList<TicketSearchResult>> ResultsAsync(HelpdeskDbContext db, string match, CancellationToken ct)
    {
        var hits = await TicketSearchIndex.Hits(db, match).OrderBy(h => h.Rank).Take(MaxResults * 4).ToListAsync(ct);
        var best = hits.GroupBy(h => h.TicketId).Select(g => g.First()).Take(MaxResults).ToList();
        var ids = best.Select(h => h.TicketId).ToList();
        var tickets = await db.Set<Ticket>().AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Subject, t.Status, Requester = t.RequestedFor!.Name })
            .ToDictionaryAsync(t => t.Id, ct);
        return [.. best.Where(h => tickets.ContainsKey(h.TicketId)).Select(h =>
        {
            var t = tickets[h.TicketId];
            return new TicketSearchResult(t.Id, TicketNumber.Format(t.Id), t.Subject, t.Status, t.Requester,
                h.EntryId is null ? "Subject" : "Case log", SearchSnippet.ToHtml(h.Snippet));
        })];
    }
}

/// <param name="FoundIn">Where the best match is: "Subject" (or sender) or "Case log".</param>
/// <param name="SnippetHtml">Encoded text with the matches in &lt;mark&gt;; see <see cref="SearchSnippet"/>.</param>
public sealed record TicketSearchResult(int TicketId, string Number, string Subject, TicketStatus Status, string Requester, string FoundIn, string SnippetHtml);
