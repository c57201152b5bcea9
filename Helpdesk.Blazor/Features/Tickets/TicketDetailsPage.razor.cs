using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Features.Tickets;

public sealed partial class TicketDetailsPage
{
    private bool _headerExpanded;
    private Presence.TicketPresence? _presence;
    private CaseLogKind _composing = CaseLogKind.Public;

    [Parameter] public int Id { get; set; }

    [Inject] private IState<TicketDetailsState> State { get; set; } = default!;
    [Inject] private IDispatcher Dispatcher { get; set; } = default!;
    [Inject] private IOptions<EmailReplyOptions> EmailReply { get; set; } = default!;

    private TicketDetails? Ticket => State.Value.TicketId == Id ? State.Value.Ticket : null;

    // A failed save opens the fields, so the agent sees what needs attention.
    private bool HeaderExpanded => _headerExpanded || State.Value.SaveError is not null;

    // Whom the reply's email action would mail, so that what the agent sees is what is sent.
    private ReplyRecipientsPrefill? ReplyRecipients => Ticket is null ? null : State.Value.ReplyRecipients;

    private bool EmailReplyDefault => EmailReply.Value.EnabledDefault;

    protected override Task OnParametersSetAsync()
    {
        if (State.Value.TicketId == Id && State.Value.Ticket is not null) return Task.CompletedTask;
        // The prerendered HTML is sent once this task ends: it must show the ticket (or why not), not the progress bar.
        var loaded = RendererInfo.IsInteractive ? Task.CompletedTask : LoadedAsync(Id);
        Dispatcher.Dispatch(new LoadTicketAction(Id));
        return loaded;
    }

    /// <summary>Ends when the load of <paramref name="id"/> has an outcome: the ticket, not found, or an error.</summary>
    private Task LoadedAsync(int id)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStateChanged(object? sender, EventArgs e)
        {
            if (State.Value.TicketId != id || State.Value.IsLoading) return;
            State.StateChanged -= OnStateChanged;
            loaded.TrySetResult();
        }
        State.StateChanged += OnStateChanged;
        return loaded.Task;
    }

    private void Save(TicketFieldsUpdate update) => Dispatcher.Dispatch(new SaveTicketFieldsAction(update));

    private void TypingIn(CaseLogKind log) => _presence?.Typing(log);

    private void Append(NewCaseLogEntry entry) => Dispatcher.Dispatch(new AppendCaseLogEntryAction(entry));
}
