namespace Helpdesk.Core.Tickets;

public enum TicketStatus
{
    /// <summary>Nobody has it yet: no team and no member (e.g. mailed in with no routing). Giving it either assigns it.</summary>
    New,

    /// <summary>The assigned team or member declined it (4me): back to the service desk to be routed again; needs no member.</summary>
    Declined,
    Assigned,
    Accepted,
    InProgress,
    WaitingFor,
    WaitingForCustomer,

    /// <summary>Waits for a reservation (e.g. of a room or equipment) to be confirmed.</summary>
    ReservationPending,

    /// <summary>Waits for a workflow (4me's name for a change) it belongs to.</summary>
    WorkflowPending,

    /// <summary>Waits for a project it was turned into or belongs to.</summary>
    ProjectPending,

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
        TicketStatus.ReservationPending => "Reservation pending",
        TicketStatus.WorkflowPending => "Workflow pending",
        TicketStatus.ProjectPending => "Project pending",
        TicketStatus.ChangePending => "Change pending",
        _ => status.ToString(),
    };
}
