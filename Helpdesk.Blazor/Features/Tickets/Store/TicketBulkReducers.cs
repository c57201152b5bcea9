using Helpdesk.Blazor.Flux;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public static class TicketBulkReducers
{
    [ReducerMethod]
    public static TicketListState ReduceSelectTicketsAction(TicketListState state, SelectTicketsAction action) =>
        state with { Selected = [.. action.TicketIds] };

    [ReducerMethod]
    public static TicketListState ReduceBulkUpdateTicketsAction(TicketListState state, BulkUpdateTicketsAction action) =>
        state with { IsBulkUpdating = true, BulkOutcome = null };

    /// <summary>The tickets that failed stay selected, so the agent can look at them and try again.</summary>
    [ReducerMethod]
    public static TicketListState ReduceBulkUpdateTicketsSucceededAction(TicketListState state, BulkUpdateTicketsSucceededAction action) =>
        state with
        {
            IsBulkUpdating = false,
            Selected = [.. action.Result.Failures.Select(f => f.TicketId)],
            BulkOutcome = new TicketBulkOutcome(action.Description, action.Result.Updated.Count, action.Result.Failures),
        };

    /// <summary>An effect that failed unexpectedly must not leave the bulk bar busy for good.</summary>
    [ReducerMethod]
    public static TicketListState ReduceEffectFailedAction(TicketListState state, EffectFailedAction action) =>
        action.Action is BulkUpdateTicketsAction ? state with { IsBulkUpdating = false } : state;

    [ReducerMethod]
    public static TicketListState ReduceBulkUpdateTicketsFailedAction(TicketListState state, BulkUpdateTicketsFailedAction action) =>
        state with { IsBulkUpdating = false, Error = action.Error };
}
