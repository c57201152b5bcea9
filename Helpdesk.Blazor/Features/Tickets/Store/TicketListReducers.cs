using System.Collections.Immutable;
using Helpdesk.Blazor.Features.Tickets.Live;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public static class TicketListReducers
{
    [ReducerMethod]
    public static TicketListState ReduceLoadTicketsAction(TicketListState state, LoadTicketsAction action) =>
        action.ChangesHeardAt is not null && action.Request == state.Request
            ? state // a reload after changes shows nothing until its result: no render for every open list on every tick
            : state with { Request = action.Request, IsLoading = true, Error = null };

    [ReducerMethod]
    public static TicketListState ReduceLoadTicketsSucceededAction(TicketListState state, LoadTicketsSucceededAction action)
    {
        if (action.Request != state.Request) return state; // a newer request is in flight; its result will arrive
        // Rows patched in from changes the reload's query did not see yet are patched in again.
        var patches = action.ChangesHeardAt == 0 || state.ItemsRequest != action.Request
            ? ImmutableDictionary<int, TicketRowPatch>.Empty
            : state.RowPatches.RemoveRange(state.RowPatches.Where(p => p.Value.HeardAt <= action.ChangesHeardAt).Select(p => p.Key));
        var items = patches.OrderBy(p => p.Value.HeardAt)
            .Aggregate(action.Result.Items, (page, patch) => TicketListPatch.Apply(page, action.Request, patch.Key, patch.Value.Row));
        if (ShowsTheSame(state, action, items)) return state;
        return state with
        {
            IsLoading = false,
            HasLoaded = true,
            Error = null,
            Items = items,
            ItemsRequest = action.Request,
            ItemsHeardAt = action.ChangesHeardAt,
            RowPatches = patches,
            TotalCount = action.Result.TotalCount,
            StatusCounts = action.Result.StatusCounts,
            RecentlyChanged = OnPage(Marked(state.RecentlyChanged, action), items),
            Selected = state.Selected.Intersect(items.Select(i => i.Id)),
        };
    }

    /// <summary>
    /// A changed ticket's row goes into the page shown, unless the page (or a patch of the same row) is at least as new
    /// as its change; tinted like a reloaded row.
    /// </summary>
    [ReducerMethod]
    public static TicketListState ReduceTicketRowPatchedAction(TicketListState state, TicketRowPatchedAction action)
    {
        if (action.Request != state.Request || state.ItemsRequest != state.Request || action.HeardAt <= state.ItemsHeardAt
            || state.RowPatches.TryGetValue(action.TicketId, out var newer) && newer.HeardAt >= action.HeardAt) return state;
        var items = TicketListPatch.Apply(state.Items, state.Request, action.TicketId, action.Row);
        if (ReferenceEquals(items, state.Items)) return state;
        return state with
        {
            Items = items,
            RowPatches = state.RowPatches.SetItem(action.TicketId, new TicketRowPatch(action.Row, action.HeardAt)),
            RecentlyChanged = OnPage(state.RecentlyChanged.SetItem(action.TicketId, action.HeardAt), items),
            Selected = state.Selected.Intersect(items.Select(i => i.Id)),
        };
    }

    [ReducerMethod]
    public static TicketListState ReduceLoadTicketsFailedAction(TicketListState state, LoadTicketsFailedAction action) =>
        state with { IsLoading = false, Error = action.Error };

    /// <summary>
    /// A reload after changes whose rows were all patched in (and tinted) already shows nothing new: the state stays, so no
    /// open list renders for it. Its patches stay too; the next reload drops them, and a late patch is no older than its change.
    /// </summary>
    private static bool ShowsTheSame(TicketListState state, LoadTicketsSucceededAction action, IReadOnlyList<TicketSummary> items) =>
        action.ChangesHeardAt != 0 && state.ItemsRequest == action.Request && state.HasLoaded && !state.IsLoading && state.Error is null
        && state.TotalCount == action.Result.TotalCount && items.SequenceEqual(state.Items)
        && state.StatusCounts.Count == action.Result.StatusCounts.Count
        && state.StatusCounts.All(c => action.Result.StatusCounts.TryGetValue(c.Key, out var count) && count == c.Value)
        && (action.Changed ?? []).All(id => state.RowPatches.ContainsKey(id) || !items.Any(i => i.Id == id));

    // The changed tickets are tinted with the page that shows their change: one render for both.
    private static ImmutableDictionary<int, long> Marked(ImmutableDictionary<int, long> marks, LoadTicketsSucceededAction action) =>
        action.Changed is { Count: > 0 } changed ? marks.SetItems(changed.Select(id => KeyValuePair.Create(id, action.ChangesHeardAt))) : marks;

    private static ImmutableDictionary<int, long> OnPage(ImmutableDictionary<int, long> marks, IReadOnlyList<TicketSummary> page) =>
        marks.RemoveRange(marks.Keys.Where(id => !page.Any(i => i.Id == id)));

    /// <summary>Marks heard no later than the action's time go; a ticket that changed again since keeps its newer mark.</summary>
    [ReducerMethod]
    public static TicketListState ReduceChangeMarksExpiredAction(TicketListState state, ChangeMarksExpiredAction action) =>
        state.RecentlyChanged.Values.Any(heardAt => heardAt <= action.HeardAt)
            ? state with { RecentlyChanged = state.RecentlyChanged.RemoveRange(state.RecentlyChanged.Where(m => m.Value <= action.HeardAt).Select(m => m.Key)) }
            : state;
}
