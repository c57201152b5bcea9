namespace Helpdesk.Core.Correspondence;

/// <summary>
/// The global correspondence switches in force: the administrator's saved values, or configuration until they first
/// save. A fresh copy per read, so a form may edit it and hand it to <see cref="CorrespondenceSettings.SaveAsync"/>.
/// </summary>
public sealed class CorrespondenceSwitches
{
    public string AdminEmail { get; set; } = "";
    public bool NewTicketAutoresponseForEndUsers { get; set; }
    public bool NewTicketAutoresponseForInternalTickets { get; set; }
    public bool NewMessageAutoresponse { get; set; }
    public bool NewMessageAutoresponseToCollaborators { get; set; }
    public bool OverlimitNotice { get; set; }
    public int MaxOpenTicketsPerUser { get; set; }
    public Dictionary<CorrespondenceKind, AlertSwitch> Alerts { get; set; } = [];
    public bool SqlErrorAlerts { get; set; }
    public bool ExcessiveLoginAlerts { get; set; }
    public int FailedLoginThreshold { get; set; }
    public TimeSpan FailedLoginWindow { get; set; }
    public TimeSpan SystemAlertInterval { get; set; }

    public static IEnumerable<CorrespondenceKind> AlertKinds => Enum.GetValues<CorrespondenceKind>().Where(IsAlert);

    public static bool IsAlert(CorrespondenceKind kind) => kind.ToString().EndsWith("Alert");

    /// <summary>About the helpdesk itself, to the administrative email: worded with $alert->…$ placeholders, not a ticket's.</summary>
    public static bool IsSystemAlert(CorrespondenceKind kind) => kind.ToString().StartsWith("System");

    /// <summary>False only for an alert switched off as a whole.</summary>
    public bool IsOn(CorrespondenceKind kind) => !IsAlert(kind) || Alerts.GetValueOrDefault(kind)?.Enabled != false;

    public IReadOnlyCollection<AlertRecipient> RecipientsFor(CorrespondenceKind kind) =>
        Alerts.TryGetValue(kind, out var alert) ? alert.Recipients : [];

    public static CorrespondenceSwitches From(CorrespondenceOptions options) => new()
    {
        AdminEmail = options.AdminEmail,
        NewTicketAutoresponseForEndUsers = options.NewTicketAutoresponseForEndUsers,
        NewTicketAutoresponseForInternalTickets = options.NewTicketAutoresponseForInternalTickets,
        NewMessageAutoresponse = options.NewMessageAutoresponse,
        NewMessageAutoresponseToCollaborators = options.NewMessageAutoresponseToCollaborators,
        OverlimitNotice = options.OverlimitNotice,
        MaxOpenTicketsPerUser = options.MaxOpenTicketsPerUser,
        Alerts = AlertKinds.ToDictionary(k => k, k => new AlertSwitch { Enabled = !options.DisabledAlerts.Contains(k), Recipients = [.. options.RecipientsFor(k)] }),
        SqlErrorAlerts = options.SqlErrorAlerts,
        ExcessiveLoginAlerts = options.ExcessiveLoginAlerts,
        FailedLoginThreshold = options.FailedLoginThreshold,
        FailedLoginWindow = options.FailedLoginWindow,
        SystemAlertInterval = options.SystemAlertInterval,
    };
}

public sealed class AlertSwitch
{
    public bool Enabled { get; set; } = true;
    public List<AlertRecipient> Recipients { get; set; } = [];
}
