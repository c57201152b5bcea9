using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Events;

namespace Helpdesk.Core.Mail.Outbound.MailOut;

/// <summary>
/// A ticket event as the mail sources see it, inside the change's transaction. The ticket's facts are loaded once,
/// on the first source that needs them, and shared by every source and the composer.
/// </summary>
public sealed class MailOutEvent(HelpdeskDbContext db, TicketEvent ticketEvent)
{
    private TicketFacts? _facts;

    public HelpdeskDbContext Db => db;
    public TicketEvent Event => ticketEvent;

    /// <summary>The entry the event appended, if any.</summary>
    public CaseLogEntry? Entry => (ticketEvent as CaseLogAppendedEvent)?.Entry;

    /// <summary>The event created the ticket in <see cref="Db"/>'s open transaction: nothing about it needs reading back.</summary>
    public bool IsNewTicket => ticketEvent is TicketCreatedEvent { IsNewInThisContext: true };

    public async Task<TicketFacts> FactsAsync(CancellationToken ct) => _facts ??= IsNewTicket
        ? await TicketFacts.OfNewTicketAsync(db, ticketEvent.Ticket, ticketEvent.Actor.PersonId, ct)
        : await TicketFacts.LoadAsync(db, ticketEvent.Ticket, ticketEvent.Actor.PersonId, Entry, ct);
}
