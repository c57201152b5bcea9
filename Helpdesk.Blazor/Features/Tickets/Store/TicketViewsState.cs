using System.Collections.Immutable;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Views;

namespace Helpdesk.Blazor.Features.Tickets.Store;

/// <summary>The views the agent sees and how many tickets each lists, for the navigation; kept current by ticket changes.</summary>
[FeatureState]
public sealed record TicketViewsState
{
    public int? Me { get; init; }
    public bool HasLoaded { get; init; }
    public ImmutableDictionary<string, int> Counts { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>Built-in views until the agent's own list has loaded, so the list page can read a built-in view's URL at once.</summary>
    public ImmutableList<TicketView> Views { get; init; } = [.. TicketViews.BuiltIn];
}

/// <param name="ChangesHeardAt">For a reload after changes: when the last was heard, so counts shared with other circuits are recent enough (<see cref="Live.SharedTicketViewCounts"/>); null loads fresh counts.</param>
public sealed record LoadViewCountsAction(int? Me, long? ChangesHeardAt = null);

/// <param name="AfterChanges">Loaded again because tickets changed: the views are the ones shown (only an administrator's save, which loads them fresh, changes them), only counts may differ.</param>
public sealed record LoadViewCountsSucceededAction(IReadOnlyList<CountedTicketView> Views, bool AfterChanges = false);

public static class TicketViewsReducers
{
    [ReducerMethod]
    public static TicketViewsState ReduceLoadViewCountsAction(TicketViewsState state, LoadViewCountsAction action) =>
        state.Me == action.Me ? state : state with { Me = action.Me };

    [ReducerMethod]
    public static TicketViewsState ReduceLoadViewCountsSucceededAction(TicketViewsState state, LoadViewCountsSucceededAction action) =>
        // Most changes move no count: the same state then, so nothing that shows the views renders again.
        action.AfterChanges && state.HasLoaded && action.Views.Count == state.Counts.Count
            && action.Views.All(v => state.Counts.TryGetValue(v.View.Key, out var count) && count == v.Count)
        ? state
        : state with
        {
            HasLoaded = true,
            Views = [.. action.Views.Select(v => v.View)],
            Counts = action.Views.ToImmutableDictionary(v => v.View.Key, v => v.Count),
        };
}
