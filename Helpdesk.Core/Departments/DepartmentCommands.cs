using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Departments;

public sealed record DepartmentInput(int? Id, string Name, int? ManagerId, IReadOnlyList<int> MemberIds)
{
    public bool AutorespondersDisabled { get; init; }
    public bool AlertsDisabled { get; init; }
    public IReadOnlyList<Correspondence.AlertRecipient> DisabledAlertRecipients { get; init; } = [];
    public Correspondence.DepartmentRecipients Recipients { get; init; }
}

public sealed record DepartmentRow(int Id, string Name, int? ManagerId, string? ManagerName, IReadOnlyList<int> MemberIds, IReadOnlyList<string> MemberNames,
    bool AutorespondersDisabled, bool AlertsDisabled, string? DisabledAlertRecipients, Correspondence.DepartmentRecipients Recipients);

public sealed class SaveDepartmentCommand(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<int> ExecuteAsync(DepartmentInput input, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = "A name is required.";
        else if (await db.Set<Department>().AnyAsync(d => d.Id != input.Id && d.Name == name, ct)) errors["name"] = $"A department named {name} already exists.";
        if (input.ManagerId is { } manager && !await db.Set<Person>().AnyAsync(p => p.Id == manager, ct)) errors["manager"] = "The manager no longer exists.";
        var members = await db.Set<Person>().Where(p => input.MemberIds.Contains(p.Id)).ToListAsync(ct);
        if (members.Count != input.MemberIds.Distinct().Count()) errors["members"] = "A selected person no longer exists.";
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var department = input.Id is { } id
            ? await db.Set<Department>().Include(d => d.Members).FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("That department no longer exists.")
            : db.Add(new Department { Name = name }).Entity;
        department.Name = name;
        department.ManagerId = input.ManagerId;
        department.Members = members;
        department.AutorespondersDisabled = input.AutorespondersDisabled;
        department.AlertsDisabled = input.AlertsDisabled;
        department.DisabledAlertRecipients = input.DisabledAlertRecipients.Count == 0 ? null : string.Join(", ", input.DisabledAlertRecipients.Distinct());
        department.Recipients = input.Recipients;
        await db.SaveChangesOrRefuseDuplicateAsync("name", $"A department named {name} was just added by someone else.", ct);
        return department.Id;
    }
}

public sealed class DeleteDepartmentCommand(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task ExecuteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var used = await db.Set<Ticket>().CountAsync(t => t.DepartmentId == id, ct);
        if (used > 0) throw new ValidationFailedException("department", $"The department has {used} ticket(s); transfer them first. Nothing was deleted.");
        await db.Set<Department>().Where(d => d.Id == id).ExecuteDeleteAsync(ct);
    }
}

public sealed class DepartmentListQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlyList<DepartmentRow>> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<Department>().AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new DepartmentRow(d.Id, d.Name, d.ManagerId, d.Manager == null ? null : d.Manager.Name,
                d.Members.Select(m => m.Id).ToList(), d.Members.OrderBy(m => m.Name).Select(m => m.Name).ToList(),
                d.AutorespondersDisabled, d.AlertsDisabled, d.DisabledAlertRecipients, d.Recipients))
            .ToListAsync(ct);
    }
}
