using Helpdesk.Core.Common;

namespace Helpdesk.Core.Tickets;

internal static class TicketAuditTrail
{
    public static TicketAuditEntry Entry(Ticket ticket, Actor actor, DateTime at, string field, string? oldValue, string? newValue, string? note = null) => new()
    {
        TicketId = ticket.Id,
        At = at,
        ActorId = actor.PersonId,
        ActorName = actor.Name,
        Field = field,
        OldValue = oldValue,
        NewValue = newValue,
        Note = note,
    };
}
