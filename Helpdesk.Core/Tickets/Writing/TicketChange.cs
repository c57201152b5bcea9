using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Events;

namespace Helpdesk.Core.Tickets.Writing;

/// <summary>
/// One committed ticket change, written in the change's own transaction: the durable log that <see cref="TicketChangeNotifier"/>
/// reads in id order to tell open console pages. Rows are kept for a day (<see cref="TicketChangeNotifier.KeepFor"/>).
/// </summary>
public sealed class TicketChange
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public TicketChangeKind Kind { get; set; }
    public int? ActorId { get; set; }

    /// <summary>Where the change was made (<see cref="Actor.Origin"/>), so that place can ignore its own echo.</summary>
    public string? Origin { get; set; }
    public DateTime At { get; set; }

    /// <summary>The ticket's version after the change; 0 on <see cref="TicketChangeKind.MailDeliveryChanged"/> rows, which the send stage writes.</summary>
    public int TicketVersion { get; set; }

    public static TicketChange Of(Ticket ticket, TicketChangeKind kind, Actor actor, DateTime at) => new()
    {
        TicketId = ticket.Id, Kind = kind, ActorId = actor.PersonId, Origin = actor.Origin, At = at, TicketVersion = ticket.Version,
    };

    public TicketChanged ToEvent() => new(TicketId, Kind, ActorId, At) { Origin = Origin, ChangeId = Id };
}
