using System.Collections.Immutable;
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
    public static TicketListState ReduceLoadTicketsSucceededAction(TicketListState state, LoadTicketsSucceededAction action) =>
        action.Request != state.Request
            ? state // a newer request is in flight; its result will arrive
            : state with
            {
                IsLoading = false,
                HasLoaded = true,
                Error = null,
                Items = action.Result.Items,
                ItemsRequest = action.Request,
                TotalCount = action.Result.TotalCount,
                StatusCounts = action.Result.StatusCounts,
                RecentlyChanged = OnPage(Marked(state.RecentlyChanged, action), action.Result),
                Selected = state.Selected.Intersect(action.Result.Items.Select(i => i.Id)),
            };

    [ReducerMethod]
    public static TicketListState ReduceLoadTicketsFailedAction(TicketListState state, LoadTicketsFailedAction action) =>
        state with { IsLoading = false, Error = action.Error };

    // The changed tickets are tinted with the page that shows their change: one render for both.
    private static ImmutableDictionary<int, long> Marked(ImmutableDictionary<int, long> marks, LoadTicketsSucceededAction action) =>
        action.Changed is { Count: > 0 } changed ? marks.SetItems(changed.Select(id => KeyValuePair.Create(id, action.ChangesHeardAt))) : marks;

    private static ImmutableDictionary<int, long> OnPage(ImmutableDictionary<int, long> marks, TicketListResult page) =>
        marks.RemoveRange(marks.Keys.Where(id => !page.Items.Any(i => i.Id == id)));

    /// <summary>Marks heard no later than the action's time go; a ticket that changed again since keeps its newer mark.</summary>
    [ReducerMethod]
    public static TicketListState ReduceChangeMarksExpiredAction(TicketListState state, ChangeMarksExpiredAction action) =>
        state.RecentlyChanged.Values.Any(heardAt => heardAt <= action.HeardAt)
            ? state with { RecentlyChanged = state.RecentlyChanged.RemoveRange(state.RecentlyChanged.Where(m => m.Value <= action.HeardAt).Select(m => m.Key)) }
            : state;
}
