using Helpdesk.Core.Common;
using Helpdesk.Core.Departments;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Correspondence;

public sealed record AgentGroupRow(int Id, string Name, IReadOnlyList<int> MemberIds, IReadOnlyList<int> DepartmentIds);

public sealed record CorrespondenceSetup(
    IReadOnlyList<(int Id, string Name, bool AutorespondersDisabled, int? DepartmentId)> HelpTopics,
    IReadOnlyList<(int Id, string Name, int GracePeriodHours)> SlaPlans,
    IReadOnlyList<AgentGroupRow> Groups,
    IReadOnlyList<(int Id, string Name, bool AutorespondersDisabled, bool AlertsDisabled)> Departments);

/// <summary>Help topics, SLA plans, agent groups (extended department access) and the departments' correspondence switches.</summary>
public sealed class CorrespondenceSetupCommands(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<CorrespondenceSetup> ViewAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var topics = await db.Set<HelpTopic>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var plans = await db.Set<SlaPlan>().AsNoTracking().OrderBy(p => p.GracePeriodHours).ToListAsync(ct);
        var groups = await db.Set<AgentGroup>().AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new AgentGroupRow(g.Id, g.Name, g.Members.Select(m => m.Id).ToList(), g.Departments.Select(d => d.Id).ToList())).ToListAsync(ct);
        var departments = await db.Set<Department>().AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        return new CorrespondenceSetup([.. topics.Select(t => (t.Id, t.Name, t.AutorespondersDisabled, t.DepartmentId))], [.. plans.Select(p => (p.Id, p.Name, p.GracePeriodHours))], groups,
            [.. departments.Select(d => (d.Id, d.Name, d.AutorespondersDisabled, d.AlertsDisabled))]);
    }

    public async Task<int> SaveHelpTopicAsync(int? id, string name, bool autorespondersDisabled, int? departmentId = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var clean = Required(name);
        if (await db.Set<HelpTopic>().AnyAsync(t => t.Id != id && t.Name == clean, ct)) throw new ValidationFailedException("name", $"A help topic named {clean} already exists.");
        if (departmentId is { } d && !await db.Set<Department>().AnyAsync(x => x.Id == d, ct)) throw new ValidationFailedException("department", "The department does not exist.");
        var topic = id is { } existing ? await db.Set<HelpTopic>().FindAsync([existing], ct) ?? throw Gone() : db.Add(new HelpTopic { Name = clean }).Entity;
        (topic.Name, topic.AutorespondersDisabled, topic.DepartmentId) = (clean, autorespondersDisabled, departmentId);
        await db.SaveChangesAsync(ct);
        return topic.Id;
    }

    public async Task<int> SaveSlaPlanAsync(int? id, string name, int gracePeriodHours, CancellationToken ct = default)
    {
        if (gracePeriodHours <= 0) throw new ValidationFailedException("gracePeriodHours", "The grace period must be at least one hour.");
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var clean = Required(name);
        var plan = id is { } existing ? await db.Set<SlaPlan>().FindAsync([existing], ct) ?? throw Gone() : db.Add(new SlaPlan { Name = clean }).Entity;
        (plan.Name, plan.GracePeriodHours) = (clean, gracePeriodHours);
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }

    public async Task<int> SaveGroupAsync(int? id, string name, IReadOnlyList<int> memberIds, IReadOnlyList<int> departmentIds, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var clean = Required(name);
        if (await db.Set<AgentGroup>().AnyAsync(g => g.Id != id && g.Name == clean, ct)) throw new ValidationFailedException("name", $"A group named {clean} already exists.");
        var group = id is { } existing
            ? await db.Set<AgentGroup>().Include(g => g.Members).Include(g => g.Departments).FirstOrDefaultAsync(g => g.Id == existing, ct) ?? throw Gone()
            : db.Add(new AgentGroup { Name = clean }).Entity;
        group.Name = clean;
        group.Members = await db.Set<Person>().Where(p => memberIds.Contains(p.Id)).ToListAsync(ct);
        group.Departments = await db.Set<Department>().Where(d => departmentIds.Contains(d.Id)).ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        return group.Id;
    }

    /// <summary>The department page edits these too; here they sit beside the global switches they narrow.</summary>
    public async Task SetDepartmentSwitchesAsync(int id, bool autorespondersDisabled, bool alertsDisabled, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var department = await db.Set<Department>().FindAsync([id], ct) ?? throw Gone();
        (department.AutorespondersDisabled, department.AlertsDisabled) = (autorespondersDisabled, alertsDisabled);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteHelpTopicAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var topic = await db.Set<HelpTopic>().FindAsync([id], ct) ?? throw Gone();
        await RefuseWhileUsedAsync(db, db.Set<Ticket>().Where(t => t.HelpTopicId == id), $"help topic {topic.Name}", ct);
        db.Remove(topic);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteSlaPlanAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var plan = await db.Set<SlaPlan>().FindAsync([id], ct) ?? throw Gone();
        await RefuseWhileUsedAsync(db, db.Set<Ticket>().Where(t => t.SlaPlanId == id), $"SLA plan {plan.Name}", ct);
        db.Remove(plan);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Only access goes with the group; its members and departments stay.</summary>
    public async Task DeleteGroupAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var group = await db.Set<AgentGroup>().Include(g => g.Members).Include(g => g.Departments).FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw Gone();
        db.Remove(group);
        await db.SaveChangesAsync(ct);
    }

    // Deleting would silently clear the field on those tickets (SET NULL), changing their autoresponses and due times.
    private static async Task RefuseWhileUsedAsync(HelpdeskDbContext db, IQueryable<Ticket> users, string what, CancellationToken ct)
    {
        var count = await users.CountAsync(ct);
        if (count == 0) return;
        var first = await users.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(ct);
        throw new ValidationFailedException("delete",
            $"The {what} is used by {count} ticket(s), e.g. {TicketNumber.Format(first)}; give them another one first.");
    }

    private static string Required(string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationFailedException("name", "A name is required.") : value.Trim();

    private static NotFoundException Gone() => new("That record no longer exists.");
}
