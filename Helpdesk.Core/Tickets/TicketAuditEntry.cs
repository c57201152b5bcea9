namespace Helpdesk.Core.Tickets;

/// <summary>One line of a ticket's audit trail: a field change, a creation, or a note about processing.</summary>
public sealed class TicketAuditEntry
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public DateTime At { get; set; }
    public int? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Note { get; set; }
}
