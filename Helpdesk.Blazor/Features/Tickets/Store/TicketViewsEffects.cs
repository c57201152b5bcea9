using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Views;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public sealed class TicketViewsEffects(TicketViewCountsQuery query, CurrentActor currentActor, IState<TicketViewsState> state, ILogger<TicketViewsEffects> logger)
{
    [EffectMethod]
    public async Task HandleLoadViewCountsAction(LoadViewCountsAction action, IDispatcher dispatcher)
    {
        try
        {
            dispatcher.Dispatch(new LoadViewCountsSucceededAction(await query.ExecuteAsync(action.Me, await currentActor.GetAsync())));
        }
        catch (Exception ex)
        {
            // The counts are a convenience: the navigation keeps the last ones and tries again on the next change.
            logger.LogWarning(ex, "Counting the ticket views failed");
        }
    }

    [EffectMethod]
    public Task HandleTicketsChangedExternallyAction(TicketsChangedExternallyAction action, IDispatcher dispatcher)
    {
        // A mail's delivery state shows on the ticket page only; it moves nothing in lists or counts.
        if (state.Value.HasLoaded && action.Changes.Any(c => c.Kind != TicketChangeKind.MailDeliveryChanged))
            dispatcher.Dispatch(new LoadViewCountsAction(state.Value.Me));
        return Task.CompletedTask;
    }
}
