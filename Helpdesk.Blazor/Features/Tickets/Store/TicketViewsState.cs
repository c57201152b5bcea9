using System.Collections.Immutable;
using Helpdesk.Blazor.Flux;

namespace Helpdesk.Blazor.Features.Tickets.Store;

/// <summary>How many tickets each built-in view lists, for the navigation; kept current by ticket changes.</summary>
[FeatureState]
public sealed record TicketViewsState
{
    public int? Me { get; init; }
    public bool HasLoaded { get; init; }
    public ImmutableDictionary<string, int> Counts { get; init; } = ImmutableDictionary<string, int>.Empty;
}

public sealed record LoadViewCountsAction(int? Me);

public sealed record LoadViewCountsSucceededAction(IReadOnlyDictionary<string, int> Counts);

public static class TicketViewsReducers
{
    [ReducerMethod]
    public static TicketViewsState ReduceLoadViewCountsAction(TicketViewsState state, LoadViewCountsAction action) => state with { Me = action.Me };

    [ReducerMethod]
    public static TicketViewsState ReduceLoadViewCountsSucceededAction(TicketViewsState state, LoadViewCountsSucceededAction action) =>
        state with { HasLoaded = true, Counts = action.Counts.ToImmutableDictionary() };
}
