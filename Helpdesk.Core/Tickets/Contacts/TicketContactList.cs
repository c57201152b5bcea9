using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Contacts;

/// <summary>
/// Adds people to a ticket's contacts (its collaborators, "reply all"), audited. Every writer (console, inbound Cc) goes
/// through here, before the change's events are published, so the same change's notifications already see them
/// (iTop fix #850).
/// </summary>
internal static class TicketContactList
{
    public const string AuditField = "contacts";
    public const string CcNote = "On the Cc of the mail.";

    /// <returns>How many people were added; the requester and people already listed are skipped.</returns>
    public static async Task<int> AddAsync(HelpdeskDbContext db, Ticket ticket, IEnumerable<int> personIds, Actor actor, DateTime now,
        string? note, CancellationToken ct)
    {
        var ids = personIds.Where(id => id != ticket.RequestedForId).Distinct().ToList();
        if (ids.Count == 0) return 0;
        var listed = await db.Set<TicketCollaborator>().Where(c => c.TicketId == ticket.Id && ids.Contains(c.PersonId)).Select(c => c.PersonId).ToListAsync(ct);
        var people = await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id) && !listed.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.PrimaryEmail }).ToListAsync(ct);
        foreach (var person in people)
        {
            db.Add(new TicketCollaborator { TicketId = ticket.Id, PersonId = person.Id });
            db.Add(TicketAuditTrail.Entry(ticket, actor, now, AuditField, null, $"{person.Name} <{person.PrimaryEmail}>", note));
        }
        if (people.Count > 0) await db.SaveChangesAsync(ct);
        return people.Count;
    }

    /// <summary>The active person with the address, or a new end user for it; an inactive owner of the address is refused.</summary>
    public static async Task<Person> FindOrCreatePersonAsync(HelpdeskDbContext db, string field, string email, string? name, DateTime now, CancellationToken ct)
    {
        if (await SenderDirectory.FindAsync(db, email, ct) is { } known) return known;
        if (await SenderDirectory.FindInactiveAsync(db, email, ct) is { } inactive)
            throw new ValidationFailedException(field, $"{email} belongs to {inactive.Name}, who is inactive.");
        var person = new Person { Name = string.IsNullOrWhiteSpace(name) ? email : name.Trim(), PrimaryEmail = email, Roles = PersonRoles.EndUser, CreatedAt = now };
        db.Add(person);
        await db.SaveChangesAsync(ct);
        return person;
    }
}
