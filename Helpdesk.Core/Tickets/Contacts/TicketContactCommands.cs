using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Contacts;

/// <summary>Who to add: a known person, or an address (with an optional name) that becomes an end user when nobody has it.</summary>
public sealed record NewTicketContact(int TicketId, int? PersonId = null, string? Email = null, string? Name = null);

/// <summary>Adds a person to a ticket's contacts (audited); a new address creates an end-user person for it.</summary>
public sealed class AddTicketContactCommand(TicketWrite write)
{
    public Task ExecuteAsync(NewTicketContact input, Actor actor, CancellationToken ct = default) =>
        write.ChangeAsync(input.TicketId, TicketOperation.ManageContacts, actor, scope => AddAsync(scope, input, ct), ct);

    private static async Task<bool> AddAsync(TicketWriteScope scope, NewTicketContact input, CancellationToken ct)
    {
        var (db, ticket, actor, now) = (scope.Db, scope.Ticket, scope.Actor, scope.Now);
        var person = await PersonAsync(db, input, now, ct);
        if (person.Id == ticket.RequestedForId)
            throw new ValidationFailedException("contact", $"{person.Name} is the ticket's requester, who always gets its correspondence.");
        if (await db.Set<TicketCollaborator>().AnyAsync(c => c.TicketId == ticket.Id && c.PersonId == person.Id, ct))
            throw new ValidationFailedException("contact", $"{person.Name} is already a contact of this ticket.");
        await TicketContactList.AddAsync(db, ticket, [person.Id], actor, now, null, ct);
        ticket.UpdatedAt = now;
        scope.Changed(TicketChangeKind.Updated);
        return true;
    }

    private static async Task<Person> PersonAsync(HelpdeskDbContext db, NewTicketContact input, DateTime now, CancellationToken ct)
    {
        if (input.PersonId is { } id)
            return await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == id && p.IsActive, ct)
                ?? throw new ValidationFailedException("contact", "That person does not exist or is inactive.");
        var email = input.Email?.Trim() ?? "";
        if (!EmailAddresses.IsPlain(email))
            throw new ValidationFailedException("contact", "Choose a person, or type an email address such as name@example.com.");
        return await TicketContactList.FindOrCreatePersonAsync(db, "contact", email, input.Name, now, ct);
    }
}

/// <summary>Takes a person off a ticket's contacts, audited.</summary>
public sealed class RemoveTicketContactCommand(TicketWrite write)
{
    public Task ExecuteAsync(int ticketId, int personId, Actor actor, CancellationToken ct = default) =>
        write.ChangeAsync(ticketId, TicketOperation.ManageContacts, actor, scope => RemoveAsync(scope, personId, ct), ct);

    private static async Task<bool> RemoveAsync(TicketWriteScope scope, int personId, CancellationToken ct)
    {
        var (db, ticket, actor, now) = (scope.Db, scope.Ticket, scope.Actor, scope.Now);
        var contact = await db.Set<TicketCollaborator>().FirstOrDefaultAsync(c => c.TicketId == ticket.Id && c.PersonId == personId, ct);
        if (contact is null) return false;
        var person = await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Name, p.PrimaryEmail }).FirstAsync(ct);
        db.Remove(contact);
        db.Add(TicketAuditTrail.Entry(ticket, actor, now, TicketContactList.AuditField, $"{person.Name} <{person.PrimaryEmail}>", null));
        ticket.UpdatedAt = now;
        scope.Changed(TicketChangeKind.Updated);
        return true;
    }
}
