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

    protected override void OnParametersSet()
    {
        if (State.Value.TicketId != Id || State.Value.Ticket is null)
            Dispatcher.Dispatch(new LoadTicketAction(Id));
    }

    private void Save(TicketFieldsUpdate update) => Dispatcher.Dispatch(new SaveTicketFieldsAction(update));

    private void TypingIn(CaseLogKind log) => _presence?.Typing(log);

    private void Append(NewCaseLogEntry entry) => Dispatcher.Dispatch(new AppendCaseLogEntryAction(entry));
}
