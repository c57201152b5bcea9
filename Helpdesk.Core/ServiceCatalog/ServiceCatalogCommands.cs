using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.ServiceCatalog;

public sealed record ServiceInstanceInput(int? Id, string Name, int? FirstLineTeamId, int? SupportTeamId, int? SlaPlanId = null);

public sealed record ConfigurationItemInput(int? Id, string Label, string? Name, string? Source, string? SourceId, int? ServiceInstanceId);

/// <param name="ChangeManagerId">The manager of the change template this template is linked to (an active agent), if any.</param>
public sealed record RequestTemplateInput(int? Id, string Name, string? Subject, string? Note, TicketCategory? Category, TicketImpact? Impact, int? TeamId, int? ServiceInstanceId,
    int? ChangeManagerId = null);

public sealed record ServiceCatalogView(
    IReadOnlyList<ServiceInstanceInput> ServiceInstances,
    IReadOnlyList<ConfigurationItemInput> ConfigurationItems,
    IReadOnlyList<RequestTemplateInput> Templates);

/// <summary>Maintains the records Mail API parameters refer to. Names and labels are unique, case-insensitively.</summary>
public sealed class ServiceCatalogCommands(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<ServiceCatalogView> ViewAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return new ServiceCatalogView(
            await db.Set<ServiceInstance>().AsNoTracking().OrderBy(s => s.Name).Select(s => new ServiceInstanceInput(s.Id, s.Name, s.FirstLineTeamId, s.SupportTeamId, s.SlaPlanId)).ToListAsync(ct),
            await db.Set<ConfigurationItem>().AsNoTracking().OrderBy(c => c.Label).Select(c => new ConfigurationItemInput(c.Id, c.Label, c.Name, c.Source, c.SourceId, c.ServiceInstanceId)).ToListAsync(ct),
            await db.Set<RequestTemplate>().AsNoTracking().OrderBy(t => t.Name).Select(t => new RequestTemplateInput(t.Id, t.Name, t.Subject, t.Note, t.Category, t.Impact, t.TeamId, t.ServiceInstanceId, t.ChangeManagerId)).ToListAsync(ct));
    }

    public async Task<int> SaveServiceInstanceAsync(ServiceInstanceInput input, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var name = Required(input.Name, "name");
        if (await db.Set<ServiceInstance>().AnyAsync(s => s.Id != input.Id && s.Name == name, ct)) throw new ValidationFailedException("name", $"A service instance named {name} already exists.");
        await TeamExistsAsync(db, input.FirstLineTeamId, "firstLineTeam", ct);
        await TeamExistsAsync(db, input.SupportTeamId, "supportTeam", ct);
        if (input.SlaPlanId is { } plan && !await db.Set<Correspondence.SlaPlan>().AnyAsync(p => p.Id == plan, ct)) throw new ValidationFailedException("slaPlan", "The SLA plan does not exist.");
        var entity = input.Id is { } id ? await db.Set<ServiceInstance>().FindAsync([id], ct) ?? throw Gone() : db.Add(new ServiceInstance { Name = name }).Entity;
        (entity.Name, entity.FirstLineTeamId, entity.SupportTeamId, entity.SlaPlanId) = (name, input.FirstLineTeamId, input.SupportTeamId, input.SlaPlanId);
        await db.SaveChangesAsync(ct);
        return entity.Id;
    }

    public async Task<int> SaveConfigurationItemAsync(ConfigurationItemInput input, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var label = Required(input.Label, "label");
        if (await db.Set<ConfigurationItem>().AnyAsync(c => c.Id != input.Id && c.Label == label, ct)) throw new ValidationFailedException("label", $"A configuration item labelled {label} already exists.");
        if (input.ServiceInstanceId is { } si && !await db.Set<ServiceInstance>().AnyAsync(s => s.Id == si, ct)) throw new ValidationFailedException("serviceInstance", "The service instance does not exist.");
        var entity = input.Id is { } id ? await db.Set<ConfigurationItem>().FindAsync([id], ct) ?? throw Gone() : db.Add(new ConfigurationItem { Label = label }).Entity;
        (entity.Label, entity.Name, entity.Source, entity.SourceId, entity.ServiceInstanceId) = (label, Clean(input.Name), Clean(input.Source), Clean(input.SourceId), input.ServiceInstanceId);
        await db.SaveChangesAsync(ct);
        return entity.Id;
    }

    public async Task<int> SaveTemplateAsync(RequestTemplateInput input, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var name = Required(input.Name, "name");
        await TeamExistsAsync(db, input.TeamId, "team", ct);
        if (input.ChangeManagerId is { } manager
            && await db.Set<People.Person>().FirstOrDefaultAsync(p => p.Id == manager && p.IsActive, ct) is var person
            && person?.HasRole(People.PersonRoles.Agent) != true)
            throw new ValidationFailedException("changeManager", "The change manager must be an active agent.");
        var entity = input.Id is { } id ? await db.Set<RequestTemplate>().FindAsync([id], ct) ?? throw Gone() : db.Add(new RequestTemplate { Name = name }).Entity;
        (entity.Name, entity.Subject, entity.Note, entity.Category, entity.Impact, entity.TeamId, entity.ServiceInstanceId, entity.ChangeManagerId) =
            (name, Clean(input.Subject), Clean(input.Note), input.Category, input.Impact, input.TeamId, input.ServiceInstanceId, input.ChangeManagerId);
        await db.SaveChangesAsync(ct);
        return entity.Id;
    }

    private static async Task TeamExistsAsync(HelpdeskDbContext db, int? teamId, string field, CancellationToken ct)
    {
        if (teamId is { } id && !await db.Set<Team>().AnyAsync(t => t.Id == id, ct)) throw new ValidationFailedException(field, "The team does not exist.");
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationFailedException(field, "This field is required.") : value.Trim();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static NotFoundException Gone() => new("That record no longer exists.");
}
