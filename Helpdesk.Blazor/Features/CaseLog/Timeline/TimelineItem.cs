using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.CaseLog.Timeline;

/// <summary>One line of a ticket's conversation: a case-log entry or, when shown inline, a change from the audit trail.</summary>
public abstract record TimelineItem(DateTime At);

public sealed record EntryTimelineItem(CaseLogEntryView Entry) : TimelineItem(Entry.CreatedAt);

public sealed record HistoryTimelineItem(AuditView Change) : TimelineItem(Change.At);

/// <summary>A mail that carries no entry, such as an assignment notice or an automatic reply.</summary>
public sealed record MailTimelineItem(MailDeliveryView Mail) : TimelineItem(Mail.At);
