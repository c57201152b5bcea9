using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Views;

public sealed record CountedTicketView(TicketView View, int Count);

/// <summary>The views a person sees and how many tickets each lists right now, for the navigation.</summary>
public sealed class TicketViewCountsQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlyList<CountedTicketView>> ExecuteAsync(int? me, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var counted = new List<CountedTicketView>();
        foreach (var view in await VisibleTicketViews.ListAsync(db, me, ct))
            counted.Add(new(view, await TicketListFilter.All(db, db.Set<Ticket>().AsNoTracking(), view.Request(me)).CountAsync(ct)));
        return counted;
    }
}
