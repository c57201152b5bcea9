using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Notifications;

namespace Helpdesk.Blazor.Features.Tickets.Store;

/// <summary>Keeps the composer's To and Cc equal to whom the reply would be sent, as the ticket and its contacts change.</summary>
public sealed class ReplyRecipientsEffects(ReplyRecipientsQuery query, CurrentActor currentActor, IState<TicketDetailsState> state, ILogger<ReplyRecipientsEffects> logger)
{
    [EffectMethod]
    public Task HandleLoadTicketContactsSucceededAction(LoadTicketContactsSucceededAction action, IDispatcher dispatcher)
    {
        if (state.Value.TicketId == action.TicketId) dispatcher.Dispatch(new LoadReplyRecipientsAction(action.TicketId));
        return Task.CompletedTask;
    }

    [EffectMethod]
    public async Task HandleLoadReplyRecipientsAction(LoadReplyRecipientsAction action, IDispatcher dispatcher)
    {
        try
        {
            dispatcher.Dispatch(new LoadReplyRecipientsSucceededAction(action.TicketId, await query.ExecuteAsync(action.TicketId, await currentActor.GetAsync())));
        }
        catch (Exception ex)
        {
            // No chips rather than stale ones: left untouched, the reply still goes where the action's queries say.
            logger.LogError(ex, "Finding the reply recipients of ticket {TicketId} failed", action.TicketId);
            dispatcher.Dispatch(new LoadReplyRecipientsSucceededAction(action.TicketId, null));
        }
    }
}
