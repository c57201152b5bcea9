namespace Helpdesk.Core.Correspondence;

/// <summary>
/// Defaults of the global switches for automatic correspondence, section "Correspondence". Once an administrator saves
/// the switches in the console, the saved values apply instead (<see cref="CorrespondenceSettings"/>). Departments and
/// help topics can only switch things off.
/// </summary>
public sealed class CorrespondenceOptions
{
    public const string Section = "Correspondence";

    /// <summary>The administrative email: system alerts and the admin-email recipient class of alerts.</summary>
    public string AdminEmail { get; set; } = "admin@helpdesk.local";

    public bool NewTicketAutoresponseForEndUsers { get; set; } = true;
    public bool NewTicketAutoresponseForInternalTickets { get; set; }
    public bool NewMessageAutoresponse { get; set; } = true;

    /// <summary>Also send the new-message autoresponse to the ticket's other participants ("reply all").</summary>
    public bool NewMessageAutoresponseToCollaborators { get; set; }
    public bool OverlimitNotice { get; set; } = true;

    /// <summary>Most open tickets one end user may have; 0 means no limit.</summary>
    public int MaxOpenTicketsPerUser { get; set; }

    /// <summary>Alert kind → the recipient classes it goes to. Missing kinds use <see cref="DefaultAlertRecipients"/>.</summary>
    public Dictionary<CorrespondenceKind, List<AlertRecipient>> AlertRecipients { get; set; } = [];

    /// <summary>Alert kinds switched off as a whole.</summary>
    public List<CorrespondenceKind> DisabledAlerts { get; set; } = [];

    /// <summary>Mail unexpected database errors to the administrative email (mail fetch/send failures always are).</summary>
    public bool SqlErrorAlerts { get; set; } = true;

    /// <summary>Mail excessive failed logins to the administrative email.</summary>
    public bool ExcessiveLoginAlerts { get; set; } = true;

    /// <summary>Failed logins for one account or address within <see cref="FailedLoginWindow"/> that raise a system alert.</summary>
    public int FailedLoginThreshold { get; set; } = 10;
    public TimeSpan FailedLoginWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The same system alert is mailed at most once per this interval.</summary>
    public TimeSpan SystemAlertInterval { get; set; } = TimeSpan.FromHours(1);

    public static readonly IReadOnlyDictionary<CorrespondenceKind, AlertRecipient[]> DefaultAlertRecipients = new Dictionary<CorrespondenceKind, AlertRecipient[]>
    {
        [CorrespondenceKind.NewTicketAlert] = [AlertRecipient.AdminEmail, AlertRecipient.DepartmentManager, AlertRecipient.DepartmentMembers],
        [CorrespondenceKind.NewMessageAlert] = [AlertRecipient.LastRespondent, AlertRecipient.DepartmentManager, AlertRecipient.AssignedAgent],
        [CorrespondenceKind.InternalNoteAlert] = [AlertRecipient.LastRespondent, AlertRecipient.DepartmentManager, AlertRecipient.AssignedAgent],
        [CorrespondenceKind.AssignmentAlert] = [AlertRecipient.AssignedAgent, AlertRecipient.TeamLead, AlertRecipient.AssignedTeam],
        [CorrespondenceKind.TransferAlert] = [AlertRecipient.AssignedAgent, AlertRecipient.AssignedTeam, AlertRecipient.DepartmentManager, AlertRecipient.DepartmentMembers],
        [CorrespondenceKind.OverdueAlert] = [AlertRecipient.AdminEmail],
        [CorrespondenceKind.MentionAlert] = [AlertRecipient.MentionedAgents],
    };

    public IReadOnlyCollection<AlertRecipient> RecipientsFor(CorrespondenceKind kind) =>
        AlertRecipients.TryGetValue(kind, out var configured) ? configured : DefaultAlertRecipients.GetValueOrDefault(kind, []);
}
