namespace Helpdesk.Core.Security;

/// <summary>What a ticket list shows depends on about its viewer (<see cref="TicketAccess.ListScopeOf"/>).</summary>
public enum TicketListScope
{
    NoTickets,
    AllTickets,
}
