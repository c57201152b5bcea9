using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Organizations;

public sealed record OrganizationRow(int Id, string Name, int People, bool IsSupplier);

public sealed class SaveOrganizationCommand(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<int> ExecuteAsync(int? id, string name, bool isSupplier = false, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var clean = name?.Trim() ?? "";
        if (clean.Length == 0) throw new ValidationFailedException("name", "A name is required.");
        if (await db.Set<Organization>().AnyAsync(o => o.Id != id && o.Name == clean, ct))
            throw new ValidationFailedException("name", $"An organization named {clean} already exists.");
        var organization = id is { } existing
            ? await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == existing, ct) ?? throw new NotFoundException("That organization no longer exists.")
            : db.Add(new Organization { Name = clean }).Entity;
        (organization.Name, organization.IsSupplier) = (clean, isSupplier);
        await db.SaveChangesOrRefuseDuplicateAsync("name", $"An organization named {clean} was just added by someone else.", ct);
        return organization.Id;
    }
}

public sealed class OrganizationListQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlyList<OrganizationRow>> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<Organization>().AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganizationRow(o.Id, o.Name, db.Set<Person>().Count(p => p.OrganizationId == o.Id), o.IsSupplier)).ToListAsync(ct);
    }
}
