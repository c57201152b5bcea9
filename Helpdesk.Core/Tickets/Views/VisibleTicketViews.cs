using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Views;

/// <summary>The views a person sees: the built-in ones, then the administrators' views meant for them.</summary>
internal static class VisibleTicketViews
{
    public static async Task<IReadOnlyList<TicketView>> ListAsync(HelpdeskDbContext db, int? me, CancellationToken ct)
    {
        var person = me is null ? null : await db.Set<Person>().AsNoTracking().Where(p => p.Id == me)
            .Select(p => new { p.Roles, TeamIds = p.Teams.Select(t => t.Id).ToList() }).FirstOrDefaultAsync(ct);
        var saved = await db.Set<SavedTicketView>().AsNoTracking().OrderBy(v => v.Position).ThenBy(v => v.Id).ToListAsync(ct);
        var mine = saved.Where(v => v.IsFor(person?.Roles ?? PersonRoles.None, person?.TeamIds ?? []));
        return [.. TicketViews.BuiltIn, .. mine.Select(v => v.ToTicketView())];
    }
}
