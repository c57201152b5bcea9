namespace Helpdesk.Core.Tickets;

/// <summary>Field keys used in validation errors and audit entries, shared by Core and the console.</summary>
public static class TicketFields
{
    public const string Subject = "subject";
    public const string RequestedFor = "requested_for";
    public const string Team = "team";
    public const string Member = "member";
    public const string Department = "department";
    public const string HelpTopic = "help_topic";
    public const string SlaPlan = "sla_plan";
    public const string DesiredCompletion = "desired_completion_at";
}
