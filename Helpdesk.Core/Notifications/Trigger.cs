namespace Helpdesk.Core.Notifications;

public enum TriggerKind
{
    /// <summary>An agent added to a case log in the console (with "Send by email" ticked).</summary>
    OnLogUpdate,
    OnCreate,

    /// <summary>The customer updated the ticket (portal or inbound mail).</summary>
    OnCustomerUpdate,
    OnAssignment,
    OnTransfer,
    OnOverdue,
}

public sealed class Trigger
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public TriggerKind Kind { get; set; }
    public string TargetClass { get; set; } = "Ticket";

    /// <summary>For <see cref="TriggerKind.OnLogUpdate"/>: "public_log" or "private_log".</summary>
    public string? LogAttribute { get; set; }

    /// <summary>Optional WHERE clause over the ticket ("status = 'assigned' AND team_id = 3").</summary>
    public string? Filter { get; set; }
    public List<EmailAction> Actions { get; set; } = [];
}
