using Helpdesk.Core.CaseLog;

namespace Helpdesk.Core.Tickets.Queries;

public sealed record PersonRef(int Id, string Name, string Email);

public sealed record NamedRef(int Id, string Name);

public sealed record AttachmentView(long Id, string FileName, string ContentType, long Size);

/// <param name="Html">The entry's safe HTML, remote images blocked.</param>
/// <param name="HtmlWithRemoteImages">The same with its remote images loaded through the console's proxy; null when it has none.</param>
public sealed record CaseLogEntryView(long Id, CaseLogKind Log, string AuthorName, DateTime CreatedAt, string Html, EntryOrigin Origin,
    IReadOnlyList<AttachmentView> Attachments, string? HtmlWithRemoteImages = null)
{
    /// <summary>The mails that carried this entry, oldest first.</summary>
    public IReadOnlyList<MailDeliveryView> Mails { get; init; } = [];

    /// <summary>The names of the agents a private note mentions.</summary>
    public IReadOnlyList<string> Mentioned { get; init; } = [];
}

public sealed record AuditView(DateTime At, string ActorName, string Field, string? OldValue, string? NewValue, string? Note);

public sealed record TicketDetails
{
    public required int Id { get; init; }
    public required string Number { get; init; }
    public required string Subject { get; init; }
    public required TicketStatus Status { get; init; }
    public required TicketCategory Category { get; init; }
    public TicketImpact? Impact { get; init; }
    public required PersonRef RequestedFor { get; init; }
    public required PersonRef RequestedBy { get; init; }
    public PersonRef? CreatedBy { get; init; }
    public NamedRef? Team { get; init; }
    public PersonRef? Member { get; init; }
    public NamedRef? Department { get; init; }
    public required string Source { get; init; }
    public string? SourceId { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public DateTime? ResolutionTargetAt { get; init; }
    public DateTime? DesiredCompletionAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public int? HelpTopicId { get; init; }
    public int? SlaPlanId { get; init; }
    public DateTime? OverdueAt { get; init; }
    public required int Version { get; init; }

    /// <summary>Fields a mail's parameters can set (Mail API); read-only in the console.</summary>
    public MailApiFields MailApi { get; init; } = MailApiFields.None;
    public required IReadOnlyList<CaseLogEntryView> PublicLog { get; init; }
    public required IReadOnlyList<CaseLogEntryView> PrivateLog { get; init; }
    public required IReadOnlyList<AuditView> Audit { get; init; }

    /// <summary>Every mail of the ticket, oldest first, including notifications that carry no entry.</summary>
    public IReadOnlyList<MailDeliveryView> Mails { get; init; } = [];
}

/// <summary>A request's change or problem, as the ticket page links to it.</summary>
public sealed record LinkedChangeOrProblem(int Id, string Number, string Subject);

public sealed record MailApiFields(
    string? ServiceInstance,
    string? ConfigurationItem,
    string? Supplier,
    string? SupplierRequestId,
    DateTime? DowntimeStartAt,
    DateTime? DowntimeEndAt,
    DateTime? WaitingUntil,
    string? CompletionReason,
    string? ExternalTicket = null,
    LinkedChangeOrProblem? Change = null,
    LinkedChangeOrProblem? Problem = null)
{
    public static readonly MailApiFields None = new(null, null, null, null, null, null, null, null);

    public bool IsEmpty => this == None;
}
