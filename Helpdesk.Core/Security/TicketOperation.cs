namespace Helpdesk.Core.Security;

/// <summary>What an actor wants to do with one ticket; <see cref="TicketAccess"/> decides.</summary>
public enum TicketOperation
{
    /// <summary>See the ticket: its fields, its public log and the attachments of public entries.</summary>
    View,

    /// <summary>See the private log, its attachments and the mail delivery of private entries.</summary>
    ViewPrivateLog,

    /// <summary>See the history (audit trail) of field changes.</summary>
    ViewHistory,

    /// <summary>Open the original mail a ticket or entry came from, or a mail we sent, byte for byte.</summary>
    ViewRawMail,

    /// <summary>Open a new ticket (no ticket to ask about yet: see <see cref="TicketAccess.DemandOpen"/>).</summary>
    Open,

    ChangeFields,
    AppendPublicEntry,
    AppendPrivateEntry,
    ManageContacts,
}
