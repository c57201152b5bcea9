using System.Collections.Immutable;
using Helpdesk.Blazor.Flux;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public static class TicketDetailsReducers
{
    [ReducerMethod]
    public static TicketDetailsState ReduceLoadTicketAction(TicketDetailsState state, LoadTicketAction action) =>
        action.TicketId == state.TicketId
            ? state with { IsLoading = true, LoadError = null }
            : new TicketDetailsState { TicketId = action.TicketId, IsLoading = true };

    [ReducerMethod]
    public static TicketDetailsState ReduceLoadTicketSucceededAction(TicketDetailsState state, LoadTicketSucceededAction action) =>
        action.Ticket.Id != state.TicketId
            ? state
            : state with
            {
                Ticket = action.Ticket,
                IsLoading = false,
                NotFound = false,
                LoadError = null,
                ChangedElsewhere = state.ChangedElsewhere || (state.Ticket is not null && state.Ticket.Version != action.Ticket.Version
                    && !state.IsSaving && action.Ticket.Version != state.OwnVersion),
                Editors = Enum.GetValues<Core.CaseLog.CaseLogKind>().ToImmutableDictionary(
                    log => log,
                    log => state.Editor(log) with { EmailReplyAvailable = action.EmailReplyLogs.Contains(log) }),
            };

    [ReducerMethod]
    public static TicketDetailsState ReduceLoadTicketNotFoundAction(TicketDetailsState state, LoadTicketNotFoundAction action) =>
        action.TicketId != state.TicketId ? state : state with { IsLoading = false, NotFound = true, Ticket = null };

    [ReducerMethod]
    public static TicketDetailsState ReduceLoadTicketFailedAction(TicketDetailsState state, LoadTicketFailedAction action) =>
        action.TicketId != state.TicketId ? state : state with { IsLoading = false, LoadError = action.Error };

    [ReducerMethod]
    public static TicketDetailsState ReduceSaveTicketFieldsAction(TicketDetailsState state, SaveTicketFieldsAction action) =>
        state with { IsSaving = true, SaveError = null, SaveConflict = false, FieldErrors = ImmutableDictionary<string, string>.Empty };

    [ReducerMethod]
    public static TicketDetailsState ReduceSaveTicketFieldsSucceededAction(TicketDetailsState state, SaveTicketFieldsSucceededAction action) =>
        state with { IsSaving = false, ChangedElsewhere = false, OwnVersion = action.Version };

    [ReducerMethod]
    public static TicketDetailsState ReduceSaveTicketFieldsFailedAction(TicketDetailsState state, SaveTicketFieldsFailedAction action) =>
        state with { IsSaving = false, SaveError = action.Error, FieldErrors = action.FieldErrors, SaveConflict = action.IsConflict };

    [ReducerMethod]
    public static TicketDetailsState ReduceAppendCaseLogEntryAction(TicketDetailsState state, AppendCaseLogEntryAction action) =>
        WithEditor(state, action.Entry.Log, e => e with { IsSubmitting = true, Error = null });

    [ReducerMethod]
    public static TicketDetailsState ReduceAppendCaseLogEntrySucceededAction(TicketDetailsState state, AppendCaseLogEntrySucceededAction action) =>
        WithEditor(state, action.Log, e => e with { IsSubmitting = false, Error = null, AppendedCount = e.AppendedCount + 1 });

    [ReducerMethod]
    public static TicketDetailsState ReduceAppendCaseLogEntryFailedAction(TicketDetailsState state, AppendCaseLogEntryFailedAction action) =>
        WithEditor(state, action.Log, e => e with { IsSubmitting = false, Error = action.Error });

    [ReducerMethod]
    public static TicketDetailsState ReduceLoadReplyRecipientsSucceededAction(TicketDetailsState state, LoadReplyRecipientsSucceededAction action) =>
        action.TicketId != state.TicketId ? state : state with { ReplyRecipients = action.Recipients };

    [ReducerMethod]
    public static TicketDetailsState ReduceLoadCaseLogDraftsSucceededAction(TicketDetailsState state, LoadCaseLogDraftsSucceededAction action) =>
        action.TicketId != state.TicketId
            ? state
            : state with
            {
                Drafts = action.Drafts,
                Editors = Enum.GetValues<Core.CaseLog.CaseLogKind>().ToImmutableDictionary(log => log, log => state.Editor(log) with { DraftsLoaded = true }),
            };

    private static TicketDetailsState WithEditor(TicketDetailsState state, Core.CaseLog.CaseLogKind log, Func<CaseLogEditorStatus, CaseLogEditorStatus> change) =>
        state with { Editors = state.Editors.SetItem(log, change(state.Editor(log))) };
}
