namespace Helpdesk.Core.Correspondence;

/// <summary>A participant of a ticket besides its requester (e.g. Cc'd on the customer's mail).</summary>
public sealed class TicketCollaborator
{
    public int TicketId { get; set; }
    public int PersonId { get; set; }
}
