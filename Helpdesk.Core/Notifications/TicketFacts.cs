using System.Text.RegularExpressions;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// A ticket as notifications see it: iTop-style attribute codes (caller_id, agent_id, team_id …) with values and
/// friendly names, its log entries, and the person acting. Used by recipient queries, trigger filters and templates.
/// </summary>
public sealed partial class TicketFacts
{
    public static readonly IReadOnlySet<string> Attributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "ref", "title", "status", "category", "impact", "caller_id", "requested_by_id", "agent_id", "team_id",
        "department_id", "org_id", "source", "start_date", "last_update", "desired_completion_at", "resolution_target_at",
    };

    /// <summary>Attributes whose value is a list of ids, usable only as "field IN :this->…".</summary>
    public static readonly IReadOnlySet<string> ListAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "contacts_list" };

    public static readonly IReadOnlySet<string> FriendlyAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "caller_id", "requested_by_id", "agent_id", "team_id", "department_id", "org_id" };

    public required IReadOnlyDictionary<string, object?> Values { get; init; }
    public required IReadOnlyDictionary<string, string?> FriendlyNames { get; init; }
    public required IReadOnlyList<CaseLogEntry> Entries { get; init; }
    public Person? CurrentContact { get; init; }

    /// <summary>Set only for a system alert, which is about no ticket: its $alert->…$ values.</summary>
    public Correspondence.SystemAlertFacts? Alert { get; init; }

    /// <summary>The entry that caused the notification, if any: head(log) shows it even before it is the newest stored.</summary>
    public CaseLogEntry? TriggeringEntry { get; init; }

    public object? Value(string attribute) => Values.GetValueOrDefault(attribute.ToLowerInvariant());

    public static async Task<TicketFacts> LoadAsync(HelpdeskDbContext db, Ticket ticket, int? actorId, CaseLogEntry? triggeringEntry, CancellationToken ct)
    {
        var t = await db.Set<Ticket>().AsNoTracking()
            .Include(x => x.RequestedFor).ThenInclude(p => p!.Organization).Include(x => x.RequestedBy)
            .Include(x => x.Member).Include(x => x.Team).Include(x => x.Department)
            .FirstAsync(x => x.Id == ticket.Id, ct);
        var entries = await db.Set<CaseLogEntry>().AsNoTracking().Where(e => e.TicketId == ticket.Id)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToListAsync(ct);
        if (triggeringEntry is not null && entries.All(e => e.Id != triggeringEntry.Id)) entries.Insert(0, triggeringEntry);
        // Read inside the change's transaction: contacts the same change added are already here (iTop fix #850).
        var contacts = await db.Set<Correspondence.TicketCollaborator>().AsNoTracking().Where(c => c.TicketId == ticket.Id)
            .Join(db.Set<Person>(), c => c.PersonId, p => p.Id, (c, p) => p).OrderBy(p => p.Id).Select(p => new Contact(p.Id, p.Name)).ToListAsync(ct);
        var actor = actorId is { } id ? await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        var named = new Named(t.RequestedFor, t.RequestedFor?.Organization?.Name, t.RequestedBy?.Name, t.Member?.Name, t.Team?.Name, t.Department?.Name);
        return Of(t, named, entries, contacts, actor, triggeringEntry);
    }

    /// <summary>
    /// The facts of a ticket that <paramref name="db"/> created in its open transaction, from what it tracks: every row
    /// of a new ticket (its entries, contacts) went through it, so none is read back; the people, team and department
    /// it points at are found by key, in the tracker first.
    /// </summary>
    public static async Task<TicketFacts> OfNewTicketAsync(HelpdeskDbContext db, Ticket ticket, int? actorId, CancellationToken ct)
    {
        var id = ticket.Id;
        var requestedFor = await db.Set<Person>().FindAsync([ticket.RequestedForId], ct);
        var named = new Named(requestedFor,
            requestedFor?.OrganizationId is { } organization ? (await db.Set<Organization>().FindAsync([organization], ct))?.Name : null,
            (await db.Set<Person>().FindAsync([ticket.RequestedById], ct))?.Name,
            ticket.MemberId is { } member ? (await db.Set<Person>().FindAsync([member], ct))?.Name : null,
            ticket.TeamId is { } team ? (await db.Set<Teams.Team>().FindAsync([team], ct))?.Name : null,
            ticket.DepartmentId is { } department ? (await db.Set<Departments.Department>().FindAsync([department], ct))?.Name : null);
        var entries = db.Saved<CaseLogEntry>().Where(e => e.TicketId == id).OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToList();
        var contacts = new List<Contact>();
        foreach (var personId in db.Saved<Correspondence.TicketCollaborator>().Where(c => c.TicketId == id).Select(c => c.PersonId).Order())
            if (await db.Set<Person>().FindAsync([personId], ct) is { } person) contacts.Add(new Contact(person.Id, person.Name));
        var actor = actorId is { } actorPerson ? await db.Set<Person>().FindAsync([actorPerson], ct) : null;
        return Of(ticket, named, entries, contacts, actor, null);
    }

    private sealed record Contact(int Id, string Name);

    /// <summary>What the ticket points at, by name.</summary>
    private sealed record Named(Person? RequestedFor, string? Organization, string? RequestedBy, string? Member, string? Team, string? Department);

    private static TicketFacts Of(Ticket t, Named named, List<CaseLogEntry> entries, List<Contact> contacts, Person? actor, CaseLogEntry? triggeringEntry) => new()
    {
        Values = new Dictionary<string, object?>
        {
            ["id"] = t.Id, ["ref"] = t.Number, ["title"] = t.Subject, ["status"] = Snake(t.Status.ToString()),
            ["category"] = Snake(t.Category.ToString()), ["impact"] = t.Impact is { } i ? Snake(i.ToString()) : null,
            ["caller_id"] = t.RequestedForId, ["requested_by_id"] = t.RequestedById, ["agent_id"] = t.MemberId,
            ["team_id"] = t.TeamId, ["department_id"] = t.DepartmentId, ["org_id"] = named.RequestedFor?.OrganizationId,
            ["source"] = t.Source, ["start_date"] = t.CreatedAt, ["last_update"] = t.UpdatedAt,
            ["desired_completion_at"] = t.DesiredCompletionAt, ["resolution_target_at"] = t.ResolutionTargetAt,
            ["contacts_list"] = contacts.Select(c => c.Id).ToList(),
        },
        FriendlyNames = new Dictionary<string, string?>
        {
            ["caller_id"] = named.RequestedFor?.Name, ["requested_by_id"] = named.RequestedBy, ["agent_id"] = named.Member,
            ["team_id"] = named.Team, ["department_id"] = named.Department, ["org_id"] = named.Organization,
            ["contacts_list"] = string.Join(", ", contacts.Select(c => c.Name)),
        },
        Entries = entries,
        CurrentContact = actor,
        TriggeringEntry = triggeringEntry,
    };

    private static string Snake(string pascal) => SnakeBoundary().Replace(pascal, "$1_$2").ToLowerInvariant();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex SnakeBoundary();
}
