using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>A named list a supervisor or agent comes back to (Zammad's overviews): a filter on the ticket list.</summary>
public sealed record TicketView(string Key, string Title, Func<int?, TicketListRequest> Request);

public static class TicketViews
{
    public const string DefaultKey = "open";

    /// <summary>The built-in views; "me" is the person behind the agent's login, when there is one.</summary>
    public static readonly IReadOnlyList<TicketView> BuiltIn =
    [
        new("mine", "My tickets", me => new() { Statuses = TicketListFilter.Open, MemberId = me ?? -1 }),
        new("unassigned", "Unassigned", _ => new() { Statuses = TicketListFilter.Open, Unassigned = true }),
        new("open", "Open", _ => new() { Statuses = TicketListFilter.Open }),
        new("waiting", "Waiting", _ => new() { Statuses = [TicketStatus.WaitingFor, TicketStatus.WaitingForCustomer] }),
        new("overdue", "Overdue", _ => new() { OverdueOnly = true }),
        new("all", "All", _ => new()),
    ];

    public static TicketView? Find(string? key) => BuiltIn.FirstOrDefault(v => string.Equals(v.Key, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>How many tickets each built-in view lists right now, for the navigation.</summary>
public sealed class TicketViewCountsQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    /// <returns>Zero for every view to an actor who may not see tickets.</returns>
    public async Task<IReadOnlyDictionary<string, int>> ExecuteAsync(int? me, Actor actor, CancellationToken ct = default)
    {
        if (!TicketAccess.AllowsAgent(actor, TicketOperation.View)) return TicketViews.BuiltIn.ToDictionary(v => v.Key, _ => 0);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var counts = new Dictionary<string, int>();
        foreach (var view in TicketViews.BuiltIn)
            counts[view.Key] = await TicketListFilter.All(db, db.Set<Ticket>().AsNoTracking(), view.Request(me)).CountAsync(ct);
        return counts;
    }
}
