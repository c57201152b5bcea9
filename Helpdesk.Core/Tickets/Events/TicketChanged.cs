namespace Helpdesk.Core.Tickets.Events;

public enum TicketChangeKind
{
    Created,
    Updated,
    CaseLogAppended,
    MailDeliveryChanged,
}

/// <summary>Published after a ticket change is committed, wherever it came from (console, mail, scheduler).</summary>
public sealed record TicketChanged(int TicketId, TicketChangeKind Kind, int? ActorId, DateTime At);
