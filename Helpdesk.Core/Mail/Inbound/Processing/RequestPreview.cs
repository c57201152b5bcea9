using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.ServiceCatalog;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>The outcome of an administrator's dry run: the decision, and for a new request what it would be.</summary>
public sealed record InboundDryRun(InboundDecision Decision, RequestPreview? Request);

/// <summary>A request that a mail would create, with names instead of ids.</summary>
public sealed record RequestPreview(
    string Subject,
    string? Team,
    TicketCategory Category,
    TicketImpact? Impact,
    TicketStatus Status,
    string? Member,
    string RequestedFor,
    string? ServiceInstance,
    string? ConfigurationItem,
    string? Template,
    IReadOnlyList<ParameterOutcome> Parameters)
{
    public static async Task<RequestPreview> DescribeAsync(HelpdeskDbContext db, CreateRequest create, CancellationToken ct)
    {
        var t = create.Ticket;
        async Task<string?> PersonAsync(int? id) => id is null ? null : await db.Set<Person>().Where(p => p.Id == id).Select(p => p.Name + " <" + p.PrimaryEmail + ">").FirstOrDefaultAsync(ct);
        return new RequestPreview(
            t.Subject,
            t.TeamId is null ? null : await db.Set<Team>().Where(x => x.Id == t.TeamId).Select(x => x.Name).FirstOrDefaultAsync(ct),
            t.Category,
            t.Impact,
            t.Status,
            await PersonAsync(t.MemberId),
            // A sender that would be created (email policy) has no row yet.
            await PersonAsync(t.RequestedForId) ?? "the sender, as a new person",
            t.ServiceInstanceId is null ? null : await db.Set<ServiceInstance>().Where(x => x.Id == t.ServiceInstanceId).Select(x => x.Name).FirstOrDefaultAsync(ct),
            t.ConfigurationItemId is null ? null : await db.Set<ConfigurationItem>().Where(x => x.Id == t.ConfigurationItemId).Select(x => x.Label).FirstOrDefaultAsync(ct),
            create.TemplateId is null ? null : await db.Set<RequestTemplate>().Where(x => x.Id == create.TemplateId).Select(x => x.Name).FirstOrDefaultAsync(ct),
            create.Parameters);
    }
}
