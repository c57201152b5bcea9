namespace Helpdesk.Core.Tickets;

public enum TicketStatus
{
    Assigned,
    Accepted,
    InProgress,
    WaitingFor,
    WaitingForCustomer,
    Completed,
    Closed,
}

public enum TicketCategory
{
    Incident,
    Rfc,
    Rfi,
    Complaint,
    Compliment,
    Other,
}

public enum TicketImpact
{
    Low,
    Medium,
    High,
    Top,
}

public static class TicketStatusExtensions
{
    public static bool IsOpen(this TicketStatus status) => status is not (TicketStatus.Completed or TicketStatus.Closed);

    public static string Label(this TicketStatus status) => status switch
    {
        TicketStatus.InProgress => "In progress",
        TicketStatus.WaitingFor => "Waiting for…",
        TicketStatus.WaitingForCustomer => "Waiting for customer",
        _ => status.ToString(),
    };
}
