using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Live;

/// <summary>Singleton: the ticket list results every open list shares, one query per <see cref="TicketListKey"/>.</summary>
public sealed class SharedTicketListResults(TicketListQuery query, TimeProvider clock)
{
    private readonly SharedResults<TicketListKey, TicketListResult> _results = new(clock);

    /// <summary>How many list queries ran so far (the shared ones count once).</summary>
    public long QueriesRun => _results.QueriesRun;

    /// <inheritdoc cref="SharedResults{TKey, TResult}.GetAsync"/>
    public Task<TicketListResult> GetAsync(TicketListRequest request, Actor actor, long changesHeardAt, CancellationToken waiting = default) =>
        _results.GetAsync(TicketListKey.Of(request, actor), ct => query.ExecuteAsync(request, actor, ct), changesHeardAt, waiting);

    /// <summary>A fresh list (a page opened or the filter changed): nothing started before now is shared.</summary>
    public Task<TicketListResult> GetFreshAsync(TicketListRequest request, Actor actor, CancellationToken waiting = default) =>
        _results.GetFreshAsync(TicketListKey.Of(request, actor), ct => query.ExecuteAsync(request, actor, ct), waiting);
}
