using System.Collections.Immutable;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public sealed class TicketDetailsEffects(
    TicketDetailsQuery detailsQuery,
    UpdateTicketCommand updateCommand,
    AppendCaseLogEntryCommand appendCommand,
    SaveCaseLogDraftCommand saveDraftCommand,
    CaseLogDraftsQuery draftsQuery,
    EmailReplyAvailability emailReply,
    CurrentActor currentActor,
    IState<TicketDetailsState> state,
    ILogger<TicketDetailsEffects> logger) : IDisposable
{
    private readonly LatestLoad<int> _loading = new();

    /// <summary>Opening another ticket stops the load of the one before, and so does the circuit's end.</summary>
    [EffectMethod]
    public async Task HandleLoadTicketAction(LoadTicketAction action, IDispatcher dispatcher)
    {
        // Drafts are restored when the page opens the ticket; later reloads must not overwrite what the agent types.
        var firstLoad = state.Value.Ticket is null;
        var waiting = _loading.Begin(action.TicketId);
        try
        {
            var actor = await currentActor.GetAsync();
            var ticket = await detailsQuery.ExecuteAsync(action.TicketId, actor, waiting);
            if (ticket is null)
            {
                dispatcher.Dispatch(new LoadTicketNotFoundAction(action.TicketId));
                return;
            }
            var emailReplyLogs = await emailReply.AvailableLogsAsync(action.TicketId);
            dispatcher.Dispatch(new LoadTicketSucceededAction(ticket, [.. emailReplyLogs]));
            dispatcher.Dispatch(new LoadReplyRecipientsAction(action.TicketId));
            if (firstLoad)
                dispatcher.Dispatch(new LoadCaseLogDraftsSucceededAction(action.TicketId,
                    (await draftsQuery.ExecuteAsync(action.TicketId, actor)).ToImmutableDictionary(d => d.Log)));
        }
        catch (OperationCanceledException) when (waiting.IsCancellationRequested)
        {
            // Another ticket is being opened instead, or the circuit closed.
        }
        catch (AccessDeniedException ex)
        {
            logger.LogWarning("Refused ticket {TicketId}: {Reason}", action.TicketId, ex.Message);
            dispatcher.Dispatch(new LoadTicketFailedAction(action.TicketId, ex.Message));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Loading ticket {TicketId} failed", action.TicketId);
            dispatcher.Dispatch(new LoadTicketFailedAction(action.TicketId, state.Value.Ticket is null
                ? "The ticket could not be loaded. Reload the page to try again."
                : "The latest changes to this ticket could not be loaded; what you see may be out of date. Your drafts are kept."));
        }
    }

    [EffectMethod]
    public async Task HandleSaveCaseLogDraftAction(SaveCaseLogDraftAction action, IDispatcher dispatcher)
    {
        try
        {
            if (await currentActor.TryGetPersonIdAsync() is { } agentId)
                await saveDraftCommand.ExecuteAsync(action.Draft, agentId);
        }
        catch (Exception ex)
        {
            // The text is still in the composer; the next pause in typing tries again.
            logger.LogWarning(ex, "Saving a draft for ticket {TicketId} failed", action.Draft.TicketId);
        }
    }

    [EffectMethod]
    public async Task HandleSaveTicketFieldsAction(SaveTicketFieldsAction action, IDispatcher dispatcher)
    {
        try
        {
            var version = await updateCommand.ExecuteAsync(action.Update, await currentActor.GetAsync());
            dispatcher.Dispatch(new SaveTicketFieldsSucceededAction(action.Update.TicketId, version));
            dispatcher.Dispatch(new LoadTicketAction(action.Update.TicketId));
        }
        catch (Exception ex)
        {
            dispatcher.Dispatch(ToSaveFailure(ex, action.Update.TicketId, dispatcher));
        }
    }

    [EffectMethod]
    public async Task HandleAppendCaseLogEntryAction(AppendCaseLogEntryAction action, IDispatcher dispatcher)
    {
        try
        {
            await appendCommand.ExecuteAsync(action.Entry, await currentActor.GetAsync());
            dispatcher.Dispatch(new AppendCaseLogEntrySucceededAction(action.Entry.TicketId, action.Entry.Log));
            dispatcher.Dispatch(new LoadTicketAction(action.Entry.TicketId));
        }
        catch (Exception ex) when (ex is ValidationFailedException or NotFoundException or AccessDeniedException)
        {
            dispatcher.Dispatch(new AppendCaseLogEntryFailedAction(action.Entry.Log, ex.Message));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Appending to ticket {TicketId} failed", action.Entry.TicketId);
            dispatcher.Dispatch(new AppendCaseLogEntryFailedAction(action.Entry.Log, "The entry could not be saved. Your text is still here; try again."));
        }
    }

    [EffectMethod]
    public Task HandleTicketsChangedExternallyAction(TicketsChangedExternallyAction action, IDispatcher dispatcher)
    {
        if (state.Value is { Ticket: not null, TicketId: { } shown } && action.Changes.Any(c => c.TicketId == shown))
            dispatcher.Dispatch(new LoadTicketAction(shown));
        return Task.CompletedTask;
    }

    private SaveTicketFieldsFailedAction ToSaveFailure(Exception ex, int ticketId, IDispatcher dispatcher)
    {
        switch (ex)
        {
            case ValidationFailedException v:
                return new SaveTicketFieldsFailedAction("Some fields need your attention.", v.Errors.ToImmutableDictionary(), false);
            case ConcurrencyConflictException c:
                // Loading their version lets the editor put both side by side; the agent's edits stay in the form.
                dispatcher.Dispatch(new LoadTicketAction(ticketId));
                return new SaveTicketFieldsFailedAction(c.Message, ImmutableDictionary<string, string>.Empty, true);
            case NotFoundException or AccessDeniedException:
                return new SaveTicketFieldsFailedAction(ex.Message, ImmutableDictionary<string, string>.Empty, false);
            default:
                logger.LogError(ex, "Saving ticket {TicketId} failed", ticketId);
                return new SaveTicketFieldsFailedAction("The ticket could not be saved. Your changes are still in the form; try again.", ImmutableDictionary<string, string>.Empty, false);
        }
    }

    public void Dispose() => _loading.Dispose();
}
