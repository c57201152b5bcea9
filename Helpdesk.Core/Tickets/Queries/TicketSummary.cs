namespace Helpdesk.Core.Tickets.Queries;

public sealed record TicketSummary(
    int Id,
    string Number,
    string Subject,
    TicketStatus Status,
    TicketCategory Category,
    TicketImpact? Impact,
    string RequesterName,
    string RequesterEmail,
    string? TeamName,
    string? MemberName,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? DueAt = null,
    bool SlaPaused = false,
    bool IsOverdue = false,
    int Version = 0);
