using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Views;

public sealed record CountedTicketView(TicketView View, int Count);

/// <summary>The views a person sees and how many tickets each lists right now, for the navigation.</summary>
public sealed class TicketViewCountsQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    /// <returns>The built-in views, each at zero, to an actor who may not see tickets.</returns>
    public async Task<IReadOnlyList<CountedTicketView>> ExecuteAsync(int? me, Actor actor, CancellationToken ct = default)
    {
        if (!TicketAccess.AllowsAgent(actor, TicketOperation.View)) return [.. TicketViews.BuiltIn.Select(v => new CountedTicketView(v, 0))];
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var counted = new List<CountedTicketView>();
        foreach (var view in await VisibleTicketViews.ListAsync(db, me, ct))
            counted.Add(new(view, await TicketStatusCounts.TotalAsync(db, view.Request(me), ct)));
        return counted;
    }
}
