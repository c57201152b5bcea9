namespace Helpdesk.Core.Tickets.Commands;

/// <summary>The editable header fields of a ticket as the editor last saw them, plus the version it loaded.</summary>
public sealed record TicketFieldsUpdate
{
    public required int TicketId { get; init; }
    public required int ExpectedVersion { get; init; }
    public required string Subject { get; init; }
    public required TicketStatus Status { get; init; }
    public required TicketCategory Category { get; init; }
    public TicketImpact? Impact { get; init; }
    public required int RequestedForId { get; init; }
    public int? TeamId { get; init; }
    public int? MemberId { get; init; }
    public int? DepartmentId { get; init; }
    public DateTime? ResolutionTargetAt { get; init; }
    public DateTime? DesiredCompletionAt { get; init; }
    public int? HelpTopicId { get; init; }
    public int? SlaPlanId { get; init; }
}
