using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Departments;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Correspondence;

/// <summary>
/// The agents an alert goes to: the recipient classes switched on globally and not off for the department, each
/// address once, and never the agent who caused the event. Whether the alert is on at all is decided by
/// <see cref="CorrespondenceEngine.AddresseesAsync"/>.
/// </summary>
public sealed class AlertRecipientResolver
{
    /// <param name="skip">Recipient classes that do not apply to this event (e.g. the assigned agent when only the team changed).</param>
    /// <param name="mentioned">The agents the event's private note mentions.</param>
    public async Task<IReadOnlyList<OutboxRecipient>> ResolveAsync(HelpdeskDbContext db, CorrespondenceKind kind, Ticket ticket, int? actorId,
        bool autoAssigned, IReadOnlyCollection<AlertRecipient> skip, CorrespondenceSwitches settings, IReadOnlyCollection<int> mentioned, CancellationToken ct)
    {
        var department = ticket.DepartmentId is { } d
            ? await db.Set<Department>().AsNoTracking().Include(x => x.Manager).Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == d, ct)
            : null;
        var disabled = (department?.DisabledAlertRecipients ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var classes = settings.RecipientsFor(kind)
            .Where(c => !skip.Contains(c) && !disabled.Contains(c.ToString(), StringComparer.OrdinalIgnoreCase)).ToList();

        var found = new List<(Person? Person, string Address, string Why)>();
        foreach (var recipient in classes)
        {
            switch (recipient)
            {
                case AlertRecipient.AdminEmail:
                    found.Add((null, settings.AdminEmail, "the administrative email"));
                    break;
                case AlertRecipient.DepartmentManager when department?.Manager is { } manager:
                    found.Add((manager, manager.PrimaryEmail, $"manager of department {department.Name}"));
                    break;
                case AlertRecipient.DepartmentMembers when department is not null:
                    // A ticket that was assigned to an agent or team on creation is not announced to the whole department.
                    if (kind == CorrespondenceKind.NewTicketAlert && autoAssigned) break;
                    found.AddRange(department.Members.Select(m => ((Person?)m, m.PrimaryEmail, $"member of department {department.Name}")));
                    if (department.Recipients == DepartmentRecipients.MembersAndGroups)
                        found.AddRange((await GroupMembersAsync(db, department.Id, ct)).Select(m => ((Person?)m.Person, m.Person.PrimaryEmail, $"member of group {m.Group}, which has access to {department.Name}")));
                    break;
                case AlertRecipient.LastRespondent when await LastRespondentAsync(db, ticket.Id, ct) is { } last:
                    found.Add((last, last.PrimaryEmail, "the agent who last replied"));
                    break;
                case AlertRecipient.AssignedAgent when ticket.MemberId is { } member && await PersonAsync(db, member, ct) is { } agent:
                    found.Add((agent, agent.PrimaryEmail, "the assigned agent"));
                    break;
                case AlertRecipient.AssignedTeam or AlertRecipient.TeamLead when ticket.TeamId is { } teamId:
                    var team = await db.Set<Team>().AsNoTracking().Include(t => t.Lead).Include(t => t.Members).FirstAsync(t => t.Id == teamId, ct);
                    if (recipient == AlertRecipient.TeamLead && team.Lead is { } lead) found.Add((lead, lead.PrimaryEmail, $"lead of team {team.Name}"));
                    if (recipient == AlertRecipient.AssignedTeam) found.AddRange(team.Members.Select(m => ((Person?)m, m.PrimaryEmail, $"member of team {team.Name}")));
                    break;
                case AlertRecipient.MentionedAgents when mentioned.Count > 0:
                    var agents = await db.Set<Person>().AsNoTracking().Where(p => mentioned.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);
                    found.AddRange(agents.Select(p => ((Person?)p, p.PrimaryEmail, "mentioned in the private note")));
                    break;
            }
        }
        // The actor is left out by address too: an agent whose address is the administrative email is not told of their own change.
        var actorAddresses = actorId is { } a && found.Count > 0
            ? (await ActorAsync(db, a, ct)).SelectMany(p => p.OtherEmails.Select(e => e.Address).Prepend(p.PrimaryEmail)).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        return [.. found
            .Where(f => (f.Person is null || (f.Person.IsActive && f.Person.Id != actorId)) && !actorAddresses.Contains(f.Address))
            .DistinctBy(f => f.Address, StringComparer.OrdinalIgnoreCase)
            .Select(f => new OutboxRecipient(f.Address, f.Person?.Name, f.Why))];
    }

    /// <summary>The acting person with all their addresses: as read already in this transaction (a mail's sender), else from the database.</summary>
    private static async Task<List<Person>> ActorAsync(HelpdeskDbContext db, int id, CancellationToken ct) =>
        db.Unchanged<Person>(id) is { } read && db.Entry(read).Collection(p => p.OtherEmails).IsLoaded
            ? [read]
            : await db.Set<Person>().AsNoTracking().Include(p => p.OtherEmails).Where(p => p.Id == id).ToListAsync(ct);

    private static Task<Person?> PersonAsync(HelpdeskDbContext db, int id, CancellationToken ct) =>
        db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    private static async Task<Person?> LastRespondentAsync(HelpdeskDbContext db, int ticketId, CancellationToken ct)
    {
        var authorId = await db.Set<CaseLogEntry>().Where(e => e.TicketId == ticketId && e.Origin == EntryOrigin.Console && e.Log == CaseLogKind.Public && e.AuthorId != null)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Select(e => e.AuthorId).FirstOrDefaultAsync(ct);
        return authorId is { } id ? await PersonAsync(db, id, ct) : null;
    }

    private static async Task<List<(Person Person, string Group)>> GroupMembersAsync(HelpdeskDbContext db, int departmentId, CancellationToken ct)
    {
        var groups = await db.Set<AgentGroup>().AsNoTracking().Include(g => g.Members)
            .Where(g => g.Departments.Any(d => d.Id == departmentId)).ToListAsync(ct);
        return [.. groups.SelectMany(g => g.Members.Select(m => (m, g.Name)))];
    }
}
