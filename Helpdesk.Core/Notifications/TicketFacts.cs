using System.Text.RegularExpressions;
using Helpdesk.Core.CaseLog;
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
            .Join(db.Set<Person>(), c => c.PersonId, p => p.Id, (c, p) => new { p.Id, p.Name }).OrderBy(p => p.Id).ToListAsync(ct);
        var actor = actorId is { } id ? await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        return new TicketFacts
        {
            Values = new Dictionary<string, object?>
            {
                ["id"] = t.Id, ["ref"] = t.Number, ["title"] = t.Subject, ["status"] = Snake(t.Status.ToString()),
                ["category"] = Snake(t.Category.ToString()), ["impact"] = t.Impact is { } i ? Snake(i.ToString()) : null,
                ["caller_id"] = t.RequestedForId, ["requested_by_id"] = t.RequestedById, ["agent_id"] = t.MemberId,
                ["team_id"] = t.TeamId, ["department_id"] = t.DepartmentId, ["org_id"] = t.RequestedFor?.OrganizationId,
                ["source"] = t.Source, ["start_date"] = t.CreatedAt, ["last_update"] = t.UpdatedAt,
                ["desired_completion_at"] = t.DesiredCompletionAt, ["resolution_target_at"] = t.ResolutionTargetAt,
                ["contacts_list"] = contacts.Select(c => c.Id).ToList(),
            },
            FriendlyNames = new Dictionary<string, string?>
            {
                ["caller_id"] = t.RequestedFor?.Name, ["requested_by_id"] = t.RequestedBy?.Name, ["agent_id"] = t.Member?.Name,
                ["team_id"] = t.Team?.Name, ["department_id"] = t.Department?.Name, ["org_id"] = t.RequestedFor?.Organization?.Name,
                ["contacts_list"] = string.Join(", ", contacts.Select(c => c.Name)),
            },
            Entries = entries,
            CurrentContact = actor,
            TriggeringEntry = triggeringEntry,
        };
    }

    private static string Snake(string pascal) => SnakeBoundary().Replace(pascal, "$1_$2").ToLowerInvariant();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex SnakeBoundary();
}
