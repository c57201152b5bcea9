using System.Text.RegularExpressions;
using Helpdesk.Core.Common;
using Helpdesk.Core.Departments;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Teams;

public sealed record TeamInput(int? Id, string Name, string? InboundLocalPart, int? LeadId, IReadOnlyList<int> MemberIds, int? DepartmentId = null, int? DefaultHelpTopicId = null);

public sealed record TeamRow(int Id, string Name, string? InboundLocalPart, int? LeadId, string? LeadName, IReadOnlyList<int> MemberIds, IReadOnlyList<string> MemberNames,
    int? DepartmentId = null, string? DepartmentName = null, int? DefaultHelpTopicId = null);

/// <summary>Creates or updates a team; the lead is always a member, and the inbound local part is unique.</summary>
public sealed partial class SaveTeamCommand(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<int> ExecuteAsync(TeamInput input, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        var local = string.IsNullOrWhiteSpace(input.InboundLocalPart) ? null : input.InboundLocalPart.Trim().ToLowerInvariant();
        if (name.Length == 0) errors["name"] = "A name is required.";
        else if (await db.Set<Team>().AnyAsync(t => t.Id != input.Id && t.Name == name, ct)) errors["name"] = $"A team named {name} already exists.";
        if (local is not null && !LocalPart().IsMatch(local)) errors["inboundLocalPart"] = "Use lower-case letters, digits, dots and hyphens, starting with a letter or digit.";
        else if (local is not null && await db.Set<Team>().AnyAsync(t => t.Id != input.Id && t.InboundLocalPart == local, ct)) errors["inboundLocalPart"] = $"Another team already receives mail at \"{local}\".";
        var memberIds = input.MemberIds.Concat(input.LeadId is { } lead ? [lead] : []).Distinct().ToList();
        var members = await db.Set<Person>().Where(p => memberIds.Contains(p.Id)).ToListAsync(ct);
        if (members.Count != memberIds.Count) errors["members"] = "A selected person no longer exists.";
        if (input.DepartmentId is { } d && !await db.Set<Department>().AnyAsync(x => x.Id == d, ct)) errors["department"] = "The department does not exist.";
        if (input.DefaultHelpTopicId is { } h && !await db.Set<Correspondence.HelpTopic>().AnyAsync(x => x.Id == h, ct)) errors["helpTopic"] = "The help topic does not exist.";
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var team = input.Id is { } id
            ? await db.Set<Team>().Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("That team no longer exists.")
            : db.Add(new Team { Name = name }).Entity;
        team.Name = name;
        team.InboundLocalPart = local;
        team.LeadId = input.LeadId;
        team.DepartmentId = input.DepartmentId;
        team.DefaultHelpTopicId = input.DefaultHelpTopicId;
        team.Members = members;
        await db.SaveChangesOrRefuseDuplicateAsync("name", $"A team named {name} or with the address \"{local}\" was just added by someone else.", ct);
        return team.Id;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalPart();
}

public sealed class DeleteTeamCommand(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task ExecuteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var used = await db.Set<Ticket>().CountAsync(t => t.TeamId == id, ct);
        if (used > 0) throw new ValidationFailedException("team", $"The team is assigned to {used} ticket(s); reassign them first. Nothing was deleted.");
        await db.Set<Team>().Where(t => t.Id == id).ExecuteDeleteAsync(ct);
    }
}

public sealed class TeamListQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlyList<TeamRow>> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<Team>().AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TeamRow(t.Id, t.Name, t.InboundLocalPart, t.LeadId, t.Lead == null ? null : t.Lead.Name,
                t.Members.Select(m => m.Id).ToList(), t.Members.OrderBy(m => m.Name).Select(m => m.Name).ToList(),
                t.DepartmentId, t.Department == null ? null : t.Department.Name, t.DefaultHelpTopicId))
            .ToListAsync(ct);
    }
}
