using System.Collections.Immutable;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public sealed record LoadTicketAction(int TicketId);

public sealed record LoadTicketSucceededAction(TicketDetails Ticket, ImmutableHashSet<CaseLogKind> EmailReplyLogs);

public sealed record LoadTicketNotFoundAction(int TicketId);

public sealed record LoadTicketFailedAction(int TicketId, string Error);

public sealed record SaveTicketFieldsAction(TicketFieldsUpdate Update);

/// <param name="Version">The ticket's version after this save, so the reload does not mistake it for someone else's change.</param>
public sealed record SaveTicketFieldsSucceededAction(int TicketId, int Version);

public sealed record SaveTicketFieldsFailedAction(string Error, ImmutableDictionary<string, string> FieldErrors, bool IsConflict);

public sealed record AppendCaseLogEntryAction(NewCaseLogEntry Entry);

public sealed record AppendCaseLogEntrySucceededAction(int TicketId, CaseLogKind Log);

public sealed record AppendCaseLogEntryFailedAction(CaseLogKind Log, string Error);

/// <summary>Dispatched whenever the ticket or its contacts are (re)loaded: both decide whom a reply reaches.</summary>
public sealed record LoadReplyRecipientsAction(int TicketId);

public sealed record LoadReplyRecipientsSucceededAction(int TicketId, ReplyRecipientsPrefill? Recipients);

public sealed record LoadCaseLogDraftsSucceededAction(int TicketId, ImmutableDictionary<CaseLogKind, CaseLogDraftContent> Drafts);

/// <summary>Dispatched by the composer after a pause in typing, never on every keystroke.</summary>
public sealed record SaveCaseLogDraftAction(CaseLogDraftContent Draft);
