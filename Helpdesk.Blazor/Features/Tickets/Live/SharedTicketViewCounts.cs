using Helpdesk.Core.Common;
using Helpdesk.Core.Security;
using Helpdesk.Core.Tickets.Views;

namespace Helpdesk.Blazor.Features.Tickets.Live;

/// <summary>
/// Singleton: the navigation's views and their counts, shared by every circuit of the same person and access scope
/// (what <see cref="TicketViewCountsQuery"/> depends on), one query per change tick instead of one per circuit.
/// </summary>
public sealed class SharedTicketViewCounts(TicketViewCountsQuery query, TimeProvider clock)
{
    private readonly SharedResults<(int? Me, TicketListScope Scope), IReadOnlyList<CountedTicketView>> _results = new(clock);

    /// <summary>How many view-count queries ran so far (the shared ones count once).</summary>
    public long QueriesRun => _results.QueriesRun;

    /// <inheritdoc cref="SharedResults{TKey, TResult}.GetAsync"/>
    public Task<IReadOnlyList<CountedTicketView>> GetAsync(int? me, Actor actor, long changesHeardAt) =>
        _results.GetAsync((me, TicketAccess.ListScopeOf(actor)), ct => query.ExecuteAsync(me, actor, ct), changesHeardAt);

    /// <summary>Fresh counts (the navigation opened or an administrator changed the views): nothing started before now is shared.</summary>
    public Task<IReadOnlyList<CountedTicketView>> GetFreshAsync(int? me, Actor actor) =>
        _results.GetFreshAsync((me, TicketAccess.ListScopeOf(actor)), ct => query.ExecuteAsync(me, actor, ct));
}
