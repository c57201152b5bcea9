using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Live;

/// <summary>Singleton: the ticket list results every open list shares, one query per <see cref="TicketListKey"/>.</summary>
public sealed class SharedTicketListResults(TicketListQuery query, TimeProvider clock)
{
    private readonly SharedResults<TicketListKey, TicketListResult> _results = new(clock);
    private readonly SharedResults<(TicketListKey Filter, int TicketId), TicketSummary?> _rows = new(clock);

    /// <summary>How many list queries ran so far (the shared ones count once).</summary>
    public long QueriesRun => _results.QueriesRun;

    /// <summary>How many one-row queries ran so far (<see cref="GetRowAsync"/>; the shared ones count once).</summary>
    public long RowQueriesRun => _rows.QueriesRun;

    /// <inheritdoc cref="SharedResults{TKey, TResult}.GetAsync"/>
    public Task<TicketListResult> GetAsync(TicketListRequest request, Actor actor, long changesHeardAt, CancellationToken waiting = default) =>
        _results.GetAsync(TicketListKey.Of(request, actor), ct => query.ExecuteAsync(request, actor, ct), changesHeardAt, waiting);

    /// <summary>A fresh list (a page opened or the filter changed): nothing started before now is shared.</summary>
    public Task<TicketListResult> GetFreshAsync(TicketListRequest request, Actor actor, CancellationToken waiting = default) =>
        _results.GetFreshAsync(TicketListKey.Of(request, actor), ct => query.ExecuteAsync(request, actor, ct), waiting);

    /// <summary>
    /// One changed ticket's row as a list would show it, null if it no longer matches (<see cref="TicketListQuery.RowAsync"/>),
    /// from a query started after <paramref name="changesHeardAt"/>: every list with the same filters shares it, whatever
    /// page or order each shows.
    /// </summary>
    public Task<TicketSummary?> GetRowAsync(TicketListRequest request, Actor actor, int ticketId, long changesHeardAt, CancellationToken waiting = default)
    {
        var filter = request with { Page = 0, PageSize = 1, Sort = TicketSortField.Number, Descending = false };
        return _rows.GetAsync((TicketListKey.Of(filter, actor), ticketId), ct => query.RowAsync(filter, actor, ticketId, ct), changesHeardAt, waiting);
    }
}
