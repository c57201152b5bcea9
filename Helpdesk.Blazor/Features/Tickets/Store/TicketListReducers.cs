using System.Collections.Immutable;
using Helpdesk.Blazor.Flux;

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
                RecentlyChanged = state.RecentlyChanged.Intersect(action.Result.Items.Select(i => i.Id)),
                Selected = state.Selected.Intersect(action.Result.Items.Select(i => i.Id)),
            };

    [ReducerMethod]
    public static TicketListState ReduceLoadTicketsFailedAction(TicketListState state, LoadTicketsFailedAction action) =>
        state with { IsLoading = false, Error = action.Error };

    [ReducerMethod]
    public static TicketListState ReduceTicketsChangedExternallyAction(TicketListState state, TicketsChangedExternallyAction action) =>
        state with { RecentlyChanged = state.RecentlyChanged.Union(action.Changes.Select(c => c.TicketId)) };
}
