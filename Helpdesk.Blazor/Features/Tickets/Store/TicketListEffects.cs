using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public sealed class TicketListEffects(TicketListQuery query, CurrentActor currentActor, IState<TicketListState> state, ILogger<TicketListEffects> logger)
{
    [EffectMethod]
    public async Task HandleLoadTicketsAction(LoadTicketsAction action, IDispatcher dispatcher)
    {
        try
        {
            var result = await query.ExecuteAsync(action.Request, await currentActor.GetAsync());
            dispatcher.Dispatch(new LoadTicketsSucceededAction(action.Request, result));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Loading the ticket list failed");
            dispatcher.Dispatch(new LoadTicketsFailedAction("The ticket list could not be loaded. It will retry on the next change; or reload the page."));
        }
    }

    /// <summary>Any change anywhere may move a ticket into, out of or within the current page: reload it as shown (once the list has been opened in this circuit).</summary>
    [EffectMethod]
    public Task HandleTicketsChangedExternallyAction(TicketsChangedExternallyAction action, IDispatcher dispatcher)
    {
        // A mail's delivery state shows on the ticket page only; it moves nothing in lists or counts.
        if (state.Value.HasLoaded && action.Changes.Any(c => c.Kind != TicketChangeKind.MailDeliveryChanged))
            dispatcher.Dispatch(new LoadTicketsAction(state.Value.Request));
        return Task.CompletedTask;
    }
}
