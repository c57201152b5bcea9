namespace Helpdesk.Core.Correspondence;

/// <summary>How the console names messages and recipient classes.</summary>
public static class CorrespondenceLabels
{
    public static string Label(this CorrespondenceKind kind) => kind switch
    {
        CorrespondenceKind.NewTicketAutoresponse => "New ticket autoresponse",
        CorrespondenceKind.NewMessageAutoresponse => "New message autoresponse",
        CorrespondenceKind.OverlimitNotice => "Overlimit notice",
        CorrespondenceKind.DesiredCompletionNotice => "Desired completion set",
        CorrespondenceKind.UnknownSenderNotice => "Unknown sender notice",
        CorrespondenceKind.InactiveSenderNotice => "Inactive sender notice",
        CorrespondenceKind.NewTicketAlert => "New ticket",
        CorrespondenceKind.NewMessageAlert => "New message",
        CorrespondenceKind.InternalNoteAlert => "Internal note",
        CorrespondenceKind.AssignmentAlert => "Ticket assignment",
        CorrespondenceKind.TransferAlert => "Ticket transfer",
        CorrespondenceKind.OverdueAlert => "Overdue ticket",
        CorrespondenceKind.MentionAlert => "Mentioned in a private note",
        CorrespondenceKind.SystemMailFetchFails => "System alert: fetching mail fails",
        CorrespondenceKind.SystemMailProcessingFails => "System alert: processing fetched mail fails",
        CorrespondenceKind.SystemMailSendingFails => "System alert: sending mail fails",
        CorrespondenceKind.SystemDatabaseError => "System alert: unexpected database error",
        CorrespondenceKind.SystemExcessiveLogins => "System alert: excessive failed logins",
        _ => kind.ToString(),
    };

    public static string Label(this AlertRecipient recipient) => recipient switch
    {
        AlertRecipient.AdminEmail => "Admin email",
        AlertRecipient.DepartmentManager => "Dept. manager",
        AlertRecipient.DepartmentMembers => "Dept. members",
        AlertRecipient.LastRespondent => "Last respondent",
        AlertRecipient.AssignedAgent => "Assigned agent",
        AlertRecipient.AssignedTeam => "Assigned team",
        AlertRecipient.TeamLead => "Team lead",
        AlertRecipient.MentionedAgents => "Mentioned agents",
        _ => recipient.ToString(),
    };
}
