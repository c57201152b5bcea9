using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Commands;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public sealed class TicketBulkEffects(
    BulkUpdateTicketsCommand command, CurrentActor currentActor, IState<TicketListState> state, ILogger<TicketBulkEffects> logger)
{
    [EffectMethod]
    public async Task HandleBulkUpdateTicketsAction(BulkUpdateTicketsAction action, IDispatcher dispatcher)
    {
        try
        {
            var result = await command.ExecuteAsync(action.Targets, action.Change, await currentActor.GetAsync());
            dispatcher.Dispatch(new BulkUpdateTicketsSucceededAction(action.Description, result));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A bulk change of {Count} tickets failed", action.Targets.Count);
            dispatcher.Dispatch(new BulkUpdateTicketsFailedAction("The change could not be applied. The list shows what was saved; try again for the rest."));
        }
        dispatcher.Dispatch(new LoadTicketsAction(state.Value.Request));
    }
}
