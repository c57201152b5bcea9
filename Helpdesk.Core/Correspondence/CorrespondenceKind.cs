namespace Helpdesk.Core.Correspondence;

/// <summary>Every automatic message of the ticket life cycle (osTicket's autoresponders and alerts).</summary>
public enum CorrespondenceKind
{
    NewTicketAutoresponse,
    NewMessageAutoresponse,
    OverlimitNotice,

    /// <summary>4me's "Desired Completion Set for Request": to requested_by when the desired completion is set, changed or removed.</summary>
    DesiredCompletionNotice,

    /// <summary>To the sender of a mail that was not registered: no person has their address (email policy: reject).</summary>
    UnknownSenderNotice,

    /// <summary>To the sender of a mail that was not registered: their person record is inactive.</summary>
    InactiveSenderNotice,
    NewTicketAlert,
    NewMessageAlert,
    InternalNoteAlert,
    AssignmentAlert,
    TransferAlert,
    OverdueAlert,

    /// <summary>To the agents mentioned ("@Name") in a private note.</summary>
    MentionAlert,
    // System alerts: to the administrative email, about the helpdesk itself rather than a ticket (see SystemAlerts).
    SystemMailFetchFails,
    SystemMailProcessingFails,
    SystemMailSendingFails,
    SystemDatabaseError,
    SystemExcessiveLogins,
}

/// <summary>Who an alert can go to. Each class can be switched off globally and per department.</summary>
public enum AlertRecipient
{
    AdminEmail,
    DepartmentManager,
    DepartmentMembers,
    LastRespondent,
    AssignedAgent,
    AssignedTeam,
    TeamLead,

    /// <summary>The agents a private note mentions.</summary>
    MentionedAgents,
}

public enum DepartmentRecipients
{
    /// <summary>Alerts to "department members" go to the department's members.</summary>
    MembersOnly,

    /// <summary>…and to the members of agent groups that have extended access to the department.</summary>
    MembersAndGroups,
}
