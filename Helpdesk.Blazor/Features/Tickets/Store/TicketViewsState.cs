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

public sealed record LoadViewCountsAction(int? Me);

public sealed record LoadViewCountsSucceededAction(IReadOnlyList<CountedTicketView> Views);

public static class TicketViewsReducers
{
    [ReducerMethod]
    public static TicketViewsState ReduceLoadViewCountsAction(TicketViewsState state, LoadViewCountsAction action) => state with { Me = action.Me };

    [ReducerMethod]
    public static TicketViewsState ReduceLoadViewCountsSucceededAction(TicketViewsState state, LoadViewCountsSucceededAction action) =>
        state with
        {
            HasLoaded = true,
            Views = [.. action.Views.Select(v => v.View)],
            Counts = action.Views.ToImmutableDictionary(v => v.View.Key, v => v.Count),
        };
}
