using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Blazor.Flux;
using Helpdesk.Blazor.Features.Tickets.Live;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public sealed class TicketViewsEffects(SharedTicketViewCounts counts, CurrentActor currentActor, IState<TicketViewsState> state, ILogger<TicketViewsEffects> logger)
{
    [EffectMethod]
    public async Task HandleLoadViewCountsAction(LoadViewCountsAction action, IDispatcher dispatcher)
    {
        try
        {
            var actor = await currentActor.GetAsync();
            var views = action.ChangesHeardAt is { } heardAt
                ? await counts.GetAsync(action.Me, actor, heardAt)
                : await counts.GetFreshAsync(action.Me, actor);
            dispatcher.Dispatch(new LoadViewCountsSucceededAction(views, action.ChangesHeardAt is not null));
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
            dispatcher.Dispatch(new LoadViewCountsAction(state.Value.Me, action.HeardAt));
        return Task.CompletedTask;
    }
}
