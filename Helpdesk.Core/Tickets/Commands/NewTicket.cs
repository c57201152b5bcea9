namespace Helpdesk.Core.Tickets.Commands;

public sealed record NewTicket
{
    public required string Subject { get; init; }
    public required int RequestedForId { get; init; }
    public int? RequestedById { get; init; }
    public string? Description { get; init; }
    public CaseLog.TextFormat DescriptionFormat { get; init; } = CaseLog.TextFormat.Plain;
    public IReadOnlyList<Attachments.StagedFile> Files { get; init; } = [];

    /// <summary>The log the description goes to (an "#internal" mail puts it in the private log).</summary>
    public CaseLog.CaseLogKind DescriptionLog { get; init; } = CaseLog.CaseLogKind.Public;

    /// <summary>The Message-ID of the mail the ticket came from, kept on the description entry.</summary>
    public string? SourceMessageId { get; init; }

    /// <summary>The received mail (<see cref="Mail.Inbound.InboundMessage"/> row) the ticket came from: one ticket per mailbox message.</summary>
    public long? SourceInboundId { get; init; }

    /// <summary>
    /// An unknown sender who becomes an end user with this ticket, in its transaction (email policy); the ticket is then
    /// requested by and for them, whatever <see cref="RequestedForId"/> says.
    /// </summary>
    public NewRequester? NewRequester { get; init; }

    /// <summary>Explanations recorded in the audit trail (e.g. a parameter that fell back to a default).</summary>
    public IReadOnlyList<string> AuditNotes { get; init; } = [];

    /// <summary>People who become contacts of the new ticket (e.g. the mail's Cc), before its notifications run.</summary>
    public IReadOnlyList<int> ContactIds { get; init; } = [];
    public TicketCategory Category { get; init; } = TicketCategory.Other;
    public TicketImpact? Impact { get; init; }
    public TicketStatus Status { get; init; } = TicketStatus.Assigned;
    public int? TeamId { get; init; }
    public int? MemberId { get; init; }
    public int? DepartmentId { get; init; }
    public string Source { get; init; } = TicketSources.Console;
    public string? SourceId { get; init; }
    public DateTime? ResolutionTargetAt { get; init; }

    /// <summary>
    /// The completion agreed with the requester (Mail API "desired_completion_at"): it becomes the resolution target
    /// only when later than the target the ticket would otherwise have (its own, or its SLA plan's).
    /// </summary>
    public DateTime? DesiredCompletionAt { get; init; }
    public int? ServiceInstanceId { get; init; }
    public int? ConfigurationItemId { get; init; }
    public int? SupplierId { get; init; }
    public string? SupplierRequestId { get; init; }
    public int? ChangeId { get; init; }
    public int? ProblemId { get; init; }
    public string? ExternalSystem { get; init; }
    public string? ExternalNumber { get; init; }
    public DateTime? DowntimeStartAt { get; init; }
    public DateTime? DowntimeEndAt { get; init; }
    public DateTime? WaitingUntil { get; init; }
    public string? CompletionReason { get; init; }
    public int? HelpTopicId { get; init; }
    public int? SlaPlanId { get; init; }
}

public sealed record NewRequester(string Name, string Email);
