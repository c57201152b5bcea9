using Helpdesk.Core.Common;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.ServiceCatalog;

public sealed record SupportAgreementInput(int? Id, string Name, int? CustomerOrganizationId, int? ServiceDeskTeamId, int? SlaPlanId = null);

public sealed record SupportAgreementRow(int Id, string Name, int CustomerOrganizationId, string CustomerOrganization, int? ServiceDeskTeamId, string? ServiceDeskTeam,
    int? SlaPlanId = null);

public sealed class SupportAgreementListQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlyList<SupportAgreementRow>> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<SupportAgreement>().AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new SupportAgreementRow(a.Id, a.Name, a.CustomerOrganizationId, a.CustomerOrganization!.Name, a.ServiceDeskTeamId, a.ServiceDeskTeam!.Name, a.SlaPlanId))
            .ToListAsync(ct);
    }
}

/// <summary>Adds or changes a support agreement. Names are unique; the customer organization is required.</summary>
public sealed class SaveSupportAgreementCommand(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<int> ExecuteAsync(SupportAgreementInput input, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = "This field is required.";
        else if (await db.Set<SupportAgreement>().AnyAsync(a => a.Id != input.Id && a.Name == name, ct)) errors["name"] = $"A support agreement named {name} already exists.";
        if (input.CustomerOrganizationId is not { } organization) errors["customer"] = "The customer organization is required.";
        else if (!await db.Set<Organization>().AnyAsync(o => o.Id == organization, ct)) errors["customer"] = "The organization does not exist.";
        if (input.ServiceDeskTeamId is { } team && !await db.Set<Team>().AnyAsync(t => t.Id == team, ct)) errors["serviceDeskTeam"] = "The team does not exist.";
        if (input.SlaPlanId is { } plan && !await db.Set<Correspondence.SlaPlan>().AnyAsync(p => p.Id == plan, ct)) errors["slaPlan"] = "The SLA plan does not exist.";
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var agreement = input.Id is { } id
            ? await db.Set<SupportAgreement>().FindAsync([id], ct) ?? throw new NotFoundException("That support agreement no longer exists.")
            : db.Add(new SupportAgreement { Name = name }).Entity;
        (agreement.Name, agreement.CustomerOrganizationId, agreement.ServiceDeskTeamId, agreement.SlaPlanId) = (name, input.CustomerOrganizationId!.Value, input.ServiceDeskTeamId, input.SlaPlanId);
        await db.SaveChangesOrRefuseDuplicateAsync("name", $"A support agreement named {name} was just added by someone else.", ct);
        return agreement.Id;
    }
}
