using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
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
}
