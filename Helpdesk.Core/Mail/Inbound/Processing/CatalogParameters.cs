using Helpdesk.Core.ChangesAndProblems;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.ServiceCatalog;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>Resolves the Mail API's references to catalog records; an unknown value is noted and ignored.</summary>
internal static class CatalogParameters
{
    public static async Task<ConfigurationItem?> ConfigurationItemAsync(HelpdeskDbContext db, MailParameterResult p, RequestNotes notes, CancellationToken ct)
    {
        var cis = db.Set<ConfigurationItem>();
        if (p.Get("ci_id")?.Value is { } id)
            return await Found(await cis.FirstOrDefaultAsync(c => c.Id == Id(id), ct), "#ci_id", id, notes);
        if (p.Get("ci")?.Value is { } label)
            return await Found(await cis.FirstOrDefaultAsync(c => c.Label == label, ct) ?? await cis.FirstOrDefaultAsync(c => c.Name == label, ct), "#ci", label, notes);
        if (p.Get("ci_sourceID")?.Value is { } sourceId)
        {
            var source = p.Get("ci_source")?.Value;
            return await Found(await cis.FirstOrDefaultAsync(c => c.SourceId == sourceId && (source == null || c.Source == source), ct), "#ci_sourceID", sourceId, notes);
        }
        return null;
    }

    public static async Task<ServiceInstance?> ServiceInstanceAsync(HelpdeskDbContext db, MailParameterResult p, RequestNotes notes, CancellationToken ct)
    {
        if (p.Get("service_instance_id")?.Value is { } id)
            return await Found(await db.Set<ServiceInstance>().FirstOrDefaultAsync(s => s.Id == Id(id), ct), "#service_instance_id", id, notes);
        if (p.Get("service_instance")?.Value is { } name)
            return await Found(await db.Set<ServiceInstance>().FirstOrDefaultAsync(s => s.Name == name, ct), "#service_instance", name, notes);
        return null;
    }

    /// <summary>A supplier is an organization flagged as one; another organization is not found.</summary>
    public static async Task<Organization?> SupplierAsync(HelpdeskDbContext db, MailParameterResult p, RequestNotes notes, CancellationToken ct)
    {
        var suppliers = db.Set<Organization>().Where(o => o.IsSupplier);
        if (p.Get("supplier_id")?.Value is { } id)
            return await Found(await suppliers.FirstOrDefaultAsync(s => s.Id == Id(id), ct), "#supplier_id", id, notes);
        if (p.Get("supplier")?.Value is { } name)
            return await Found(await suppliers.FirstOrDefaultAsync(s => s.Name == name, ct), "#supplier", name, notes);
        return null;
    }

    /// <summary>#change_id or #problem_id: a change's id does not name a problem, nor the other way round.</summary>
    public static async Task<ChangeOrProblem?> ChangeOrProblemAsync(HelpdeskDbContext db, MailParameterResult p, ChangeOrProblemKind kind, RequestNotes notes, CancellationToken ct)
    {
        var parameter = kind == ChangeOrProblemKind.Change ? "change_id" : "problem_id";
        return p.Get(parameter)?.Value is { } id
            ? await Found(await db.Set<ChangeOrProblem>().FirstOrDefaultAsync(r => r.Id == Id(id) && r.Kind == kind, ct), "#" + parameter, id, notes)
            : null;
    }

    public static async Task<RequestTemplate?> TemplateAsync(HelpdeskDbContext db, MailParameterResult p, RequestNotes notes, CancellationToken ct) =>
        p.Get("template_id")?.Value is { } id
            ? await Found(await db.Set<RequestTemplate>().FirstOrDefaultAsync(t => t.Id == Id(id), ct), "#template_id", id, notes)
            : null;

    private static int Id(string value) => int.TryParse(value, out var id) ? id : -1;

    private static Task<T?> Found<T>(T? record, string parameter, string value, RequestNotes notes) where T : class
    {
        if (record is null) notes.Ignore(parameter, $"{parameter}: {value} was not found; ignored.");
        return Task.FromResult(record);
    }
}
