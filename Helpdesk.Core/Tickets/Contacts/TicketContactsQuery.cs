using Helpdesk.Core.Correspondence;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Common;
using Helpdesk.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Contacts;

/// <summary>A ticket's contacts (besides its requester), by name.</summary>
public sealed class TicketContactsQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    /// <exception cref="AccessDeniedException">The actor may not see the ticket.</exception>
    public async Task<IReadOnlyList<PersonRef>> ExecuteAsync(int ticketId, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await TicketAccess.DemandAsync(db, actor, ticketId, TicketOperation.View, ct);
        return await db.Set<TicketCollaborator>().AsNoTracking().Where(c => c.TicketId == ticketId)
            .Join(db.Set<Person>(), c => c.PersonId, p => p.Id, (c, p) => p)
            .OrderBy(p => p.Name)
            .Select(p => new PersonRef(p.Id, p.Name, p.PrimaryEmail))
            .ToListAsync(ct);
    }
}
