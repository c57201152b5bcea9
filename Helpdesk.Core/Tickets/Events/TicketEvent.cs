using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;

namespace Helpdesk.Core.Tickets.Events;

/// <summary>A ticket change as seen inside the transaction that makes it; sinks may add rows (e.g. outbox mail) to the same transaction.</summary>
public abstract record TicketEvent(Ticket Ticket, Actor Actor);

/// <param name="IsNewInThisContext">
/// The ticket was created through the context the event is handled in, in its open transaction: every row of it is
/// tracked there (false for a preview about an existing ticket).
/// </param>
public sealed record TicketCreatedEvent(Ticket Ticket, Actor Actor, bool IsNewInThisContext = false) : TicketEvent(Ticket, Actor);

public sealed record TicketFieldsChangedEvent(Ticket Ticket, Actor Actor, IReadOnlyList<FieldChange> Changes) : TicketEvent(Ticket, Actor);

/// <param name="Recipients">The agent's own To and Cc for the entry's mail, instead of the email actions' recipient queries.</param>
public sealed record CaseLogAppendedEvent(Ticket Ticket, Actor Actor, CaseLogEntry Entry, bool SendEmail, EntryRecipients? Recipients = null)
    : TicketEvent(Ticket, Actor);

/// <summary>The overdue sweep found the ticket past its due time (once per ticket).</summary>
public sealed record TicketOverdueEvent(Ticket Ticket, Actor Actor) : TicketEvent(Ticket, Actor);

public sealed record FieldChange(string Field, object? OldValue, object? NewValue);

public interface ITicketEventSink
{
    Task HandleAsync(HelpdeskDbContext db, TicketEvent ticketEvent, CancellationToken ct);
}

/// <summary>Runs every registered sink for an event, inside the caller's transaction.</summary>
public sealed class TicketEventPublisher(IEnumerable<ITicketEventSink> sinks)
{
    public async Task PublishAsync(HelpdeskDbContext db, TicketEvent ticketEvent, CancellationToken ct)
    {
        foreach (var sink in sinks)
            await sink.HandleAsync(db, ticketEvent, ct);
    }
}
