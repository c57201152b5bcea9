using Helpdesk.Core.Departments;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

public sealed record TicketLookups(IReadOnlyList<NamedRef> Teams, IReadOnlyList<NamedRef> Departments, IReadOnlyList<PersonRef> Agents)
{
    public static readonly TicketLookups Empty = new([], [], []);

    public IReadOnlyList<NamedRef> HelpTopics { get; init; } = [];
    public IReadOnlyList<NamedRef> SlaPlans { get; init; } = [];
}

/// <summary>The choices a ticket form offers: teams, departments and active agents.</summary>
public sealed class TicketLookupsQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<TicketLookups> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var teams = await db.Set<Team>().AsNoTracking().OrderBy(t => t.Name).Select(t => new NamedRef(t.Id, t.Name)).ToListAsync(ct);
        var departments = await db.Set<Department>().AsNoTracking().OrderBy(d => d.Name).Select(d => new NamedRef(d.Id, d.Name)).ToListAsync(ct);
        var people = await db.Set<Person>().AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.PrimaryEmail, p.Roles }).ToListAsync(ct);
        var agents = people.Where(p => p.Roles.HasFlag(PersonRoles.Agent)).Select(p => new PersonRef(p.Id, p.Name, p.PrimaryEmail)).ToList();
        return new TicketLookups(teams, departments, agents)
        {
            HelpTopics = await db.Set<Correspondence.HelpTopic>().AsNoTracking().OrderBy(t => t.Name).Select(t => new NamedRef(t.Id, t.Name)).ToListAsync(ct),
            SlaPlans = await db.Set<Correspondence.SlaPlan>().AsNoTracking().OrderBy(p => p.GracePeriodHours).Select(p => new NamedRef(p.Id, p.Name)).ToListAsync(ct),
        };
    }
}
