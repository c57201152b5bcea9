namespace Helpdesk.Core.Tickets;

public enum TicketStatus
{
    /// <summary>Nobody has it yet: no team and no member (e.g. mailed in with no routing). Giving it either assigns it.</summary>
    New,
    Assigned,
    Accepted,
    InProgress,
    WaitingFor,
    WaitingForCustomer,

    /// <summary>Waits for a change to be implemented (a request made from a template linked to a change template).</summary>
    ChangePending,
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
        TicketStatus.ChangePending => "Change pending",
        _ => status.ToString(),
    };
}
