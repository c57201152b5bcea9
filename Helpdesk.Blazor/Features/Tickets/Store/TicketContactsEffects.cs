using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Contacts;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public sealed class TicketContactsEffects(
    TicketContactsQuery query,
    AddTicketContactCommand addCommand,
    RemoveTicketContactCommand removeCommand,
    CurrentActor currentActor,
    IState<TicketContactsState> state,
    ILogger<TicketContactsEffects> logger)
{
    [EffectMethod]
    public async Task HandleLoadTicketContactsAction(LoadTicketContactsAction action, IDispatcher dispatcher)
    {
        try
        {
            dispatcher.Dispatch(new LoadTicketContactsSucceededAction(action.TicketId, await query.ExecuteAsync(action.TicketId, await currentActor.GetAsync())));
        }
        catch (AccessDeniedException ex)
        {
            dispatcher.Dispatch(new ChangeTicketContactsFailedAction(ex.Message));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Loading the contacts of ticket {TicketId} failed", action.TicketId);
            dispatcher.Dispatch(new ChangeTicketContactsFailedAction("The ticket's contacts could not be loaded. Reload the page to try again."));
        }
    }

    [EffectMethod]
    public Task HandleAddTicketContactAction(AddTicketContactAction action, IDispatcher dispatcher) =>
        ChangeAsync(action.Contact.TicketId, true, dispatcher, async actor => await addCommand.ExecuteAsync(action.Contact, actor));

    [EffectMethod]
    public Task HandleRemoveTicketContactAction(RemoveTicketContactAction action, IDispatcher dispatcher) =>
        ChangeAsync(action.TicketId, false, dispatcher, async actor => await removeCommand.ExecuteAsync(action.TicketId, action.PersonId, actor));

    [EffectMethod]
    public Task HandleTicketsChangedExternallyAction(TicketsChangedExternallyAction action, IDispatcher dispatcher)
    {
        // Mail can add contacts (its Cc) while the page is open.
        if (state.Value.TicketId is { } shown && action.Changes.Any(c => c.TicketId == shown))
            dispatcher.Dispatch(new LoadTicketContactsAction(shown));
        return Task.CompletedTask;
    }

    private async Task ChangeAsync(int ticketId, bool isAdd, IDispatcher dispatcher, Func<Actor, Task> change)
    {
        try
        {
            await change(await currentActor.GetAsync());
            dispatcher.Dispatch(new ChangeTicketContactsSucceededAction(ticketId, isAdd));
            dispatcher.Dispatch(new LoadTicketContactsAction(ticketId));
        }
        catch (Exception ex) when (ex is ValidationFailedException or NotFoundException or AccessDeniedException)
        {
            dispatcher.Dispatch(new ChangeTicketContactsFailedAction(ex.Message));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Changing the contacts of ticket {TicketId} failed", ticketId);
            dispatcher.Dispatch(new ChangeTicketContactsFailedAction("The contacts could not be changed. Try again."));
        }
    }
}
