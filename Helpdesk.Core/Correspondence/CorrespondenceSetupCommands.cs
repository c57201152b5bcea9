using Helpdesk.Core.Common;
using Helpdesk.Core.Departments;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Correspondence;

public sealed record AgentGroupRow(int Id, string Name, IReadOnlyList<int> MemberIds, IReadOnlyList<int> DepartmentIds);

public sealed record CorrespondenceSetup(
    IReadOnlyList<(int Id, string Name, bool AutorespondersDisabled)> HelpTopics,
    IReadOnlyList<(int Id, string Name, int GracePeriodHours)> SlaPlans,
    IReadOnlyList<AgentGroupRow> Groups);

/// <summary>Help topics, SLA plans and agent groups (extended department access).</summary>
public sealed class CorrespondenceSetupCommands(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<CorrespondenceSetup> ViewAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var topics = await db.Set<HelpTopic>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var plans = await db.Set<SlaPlan>().AsNoTracking().OrderBy(p => p.GracePeriodHours).ToListAsync(ct);
        var groups = await db.Set<AgentGroup>().AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new AgentGroupRow(g.Id, g.Name, g.Members.Select(m => m.Id).ToList(), g.Departments.Select(d => d.Id).ToList())).ToListAsync(ct);
        return new CorrespondenceSetup([.. topics.Select(t => (t.Id, t.Name, t.AutorespondersDisabled))], [.. plans.Select(p => (p.Id, p.Name, p.GracePeriodHours))], groups);
    }

    public async Task<int> SaveHelpTopicAsync(int? id, string name, bool autorespondersDisabled, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var clean = Required(name);
        if (await db.Set<HelpTopic>().AnyAsync(t => t.Id != id && t.Name == clean, ct)) throw new ValidationFailedException("name", $"A help topic named {clean} already exists.");
        var topic = id is { } existing ? await db.Set<HelpTopic>().FindAsync([existing], ct) ?? throw Gone() : db.Add(new HelpTopic { Name = clean }).Entity;
        (topic.Name, topic.AutorespondersDisabled) = (clean, autorespondersDisabled);
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

    private static string Required(string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationFailedException("name", "A name is required.") : value.Trim();

    private static NotFoundException Gone() => new("That record no longer exists.");
}
