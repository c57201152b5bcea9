using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Departments;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;

namespace Helpdesk.Core.Tickets;

/// <summary>A request. Field changes go through <see cref="Commands.UpdateTicketCommand"/>, which audits each one.</summary>
public sealed class Ticket
{
    public int Id { get; set; }
    public string Number => TicketNumber.Format(Id);
    public required string Subject { get; set; }
    public TicketStatus Status { get; set; } = TicketStatus.Assigned;
    public TicketCategory Category { get; set; } = TicketCategory.Other;
    public TicketImpact? Impact { get; set; }
    public int RequestedById { get; set; }
    public Person? RequestedBy { get; set; }
    public int RequestedForId { get; set; }
    public Person? RequestedFor { get; set; }
    public int? CreatedById { get; set; }
    public Person? CreatedBy { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public int? MemberId { get; set; }
    public Person? Member { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public string Source { get; set; } = TicketSources.Console;
    public string? SourceId { get; set; }

    /// <summary>The received mail this ticket was created from; unique, so one mailbox message never opens two tickets.</summary>
    public long? SourceInboundId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ResolutionTargetAt { get; set; }

    /// <summary>The completion agreed with the requester (4me); when later than the SLA target it is the resolution target.</summary>
    public DateTime? DesiredCompletionAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public int? ServiceInstanceId { get; set; }
    public int? ConfigurationItemId { get; set; }
    public int? SupplierId { get; set; }
    public string? SupplierRequestId { get; set; }

    /// <summary>The change (4me #change_id) and the problem (#problem_id) this request is linked to.</summary>
    public int? ChangeId { get; set; }
    public int? ProblemId { get; set; }

    /// <summary>The system whose ticket this request mirrors ("Jira (acme.atlassian.net)"), found in its mail; see <see cref="ExternalNumber"/>.</summary>
    public string? ExternalSystem { get; set; }

    /// <summary>That system's own number for it ("OPS-123", "INC0012345"): its next mail with the number becomes a note here.</summary>
    public string? ExternalNumber { get; set; }
    public DateTime? DowntimeStartAt { get; set; }
    public DateTime? DowntimeEndAt { get; set; }
    public DateTime? WaitingUntil { get; set; }
    public string? CompletionReason { get; set; }
    public int? HelpTopicId { get; set; }
    public int? SlaPlanId { get; set; }

    /// <summary>Since when the SLA clock stands still (waiting for the customer); see <see cref="TicketSla"/>.</summary>
    public DateTime? SlaPausedAt { get; set; }

    /// <summary>Minutes the SLA clock stood still in earlier waits; they move the due time on.</summary>
    public int SlaPausedMinutes { get; set; }

    /// <summary>Set once, when the ticket was found overdue and the overdue alert went out.</summary>
    public DateTime? OverdueAt { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every field change.</summary>
    public int Version { get; set; }

    public List<CaseLogEntry> CaseLog { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];
    public List<TicketAuditEntry> Audit { get; set; } = [];
}

public static class TicketSources
{
    public const string Console = "console";
    public const string Email = "email";
    public const string Portal = "portal";
}
