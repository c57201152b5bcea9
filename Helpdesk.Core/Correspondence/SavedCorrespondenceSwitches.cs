namespace Helpdesk.Core.Correspondence;

/// <summary>The one row of switches an administrator saved; while there is none, configuration applies.</summary>
public sealed class SavedCorrespondenceSwitches
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string AdminEmail { get; set; } = "";
    public bool NewTicketAutoresponseForEndUsers { get; set; }
    public bool NewTicketAutoresponseForInternalTickets { get; set; }
    public bool NewMessageAutoresponse { get; set; }
    public bool NewMessageAutoresponseToCollaborators { get; set; }
    public bool OverlimitNotice { get; set; }
    public int MaxOpenTicketsPerUser { get; set; }
    public bool SqlErrorAlerts { get; set; }
    public bool ExcessiveLoginAlerts { get; set; }
    public int FailedLoginThreshold { get; set; }
    public TimeSpan FailedLoginWindow { get; set; }
    public TimeSpan SystemAlertInterval { get; set; }
}

/// <summary>One alert kind's saved switch and recipient classes (comma-separated <see cref="AlertRecipient"/> names).</summary>
public sealed class SavedAlertSwitch
{
    public CorrespondenceKind Kind { get; set; }
    public bool Enabled { get; set; }
    public string Recipients { get; set; } = "";
}
