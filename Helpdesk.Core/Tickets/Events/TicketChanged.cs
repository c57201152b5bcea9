namespace Helpdesk.Core.Tickets.Events;

public enum TicketChangeKind
{
    Created,
    Updated,
    CaseLogAppended,
    MailDeliveryChanged,
}

/// <summary>Told to open console pages after a ticket change is committed, wherever it came from (console, mail, scheduler).</summary>
public sealed record TicketChanged(int TicketId, TicketChangeKind Kind, int? ActorId, DateTime At)
{
    /// <summary>Where the change was made (a console circuit's id), or null for mail and the scheduler.</summary>
    public string? Origin { get; init; }

    /// <summary>The change's row in the durable log; later changes have higher ids.</summary>
    public long ChangeId { get; init; }

    /// <summary>
    /// A <see cref="TimeProvider.GetTimestamp"/> by which the change was committed (0: not known): a query started after
    /// it sees the change, whichever subscriber asks and whenever the change reached it.
    /// </summary>
    public long KnownAt { get; init; }

    /// <summary>When a subscriber takes the change as known: <see cref="KnownAt"/>, or now for a change that carries none.</summary>
    public long KnownAtOrNow(TimeProvider clock) => KnownAt > 0 ? KnownAt : clock.GetTimestamp();
}
