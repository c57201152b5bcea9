using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <param name="TemplateId">The request template applied (#template_id), if any.</param>
public sealed record BuiltRequest(NewTicket Ticket, MailParameterResult Parsed, IReadOnlyList<ParameterOutcome> Parameters, int? TemplateId);

/// <summary>
/// Turns a mail into a new request: parameters (honoured only for senders with the Specialist role) and the Mail API's
/// default values. Every ignored parameter or fallback is explained in the request's audit trail.
/// </summary>
public sealed class RequestBuilder(IOptions<InboundMailOptions> options)
{
    // Changes and problems are not managed by this helpdesk; these references are kept in the audit trail only.

    public async Task<BuiltRequest> BuildAsync(HelpdeskDbContext db, InboundContext mail, Person sender, CancellationToken ct)
    {
        var parsed = MailParameterParser.Parse(mail.Content.TextBody, AccountId);
        var honoured = sender.HasRole(PersonRoles.Specialist) && parsed.Parameters.Count > 0;
        var notes = new RequestNotes();
        if (parsed.Parameters.Count > 0 && !honoured)
            notes.Add("Parameters were ignored: the sender does not have the Specialist role.");
        var p = honoured ? parsed : parsed with { Parameters = [] };
        if (honoured)
        {
            notes.Add("Parameters read: " + string.Join(", ", parsed.Parameters.Select(x => x.Value is null ? $"#{x.Name}" : $"#{x.Name}: {x.Value}")) + ".");
            notes.AddRange(parsed.Problems.Select(problem => $"Line {problem.Line}: {problem.Message}"));
        }
        else if (sender.HasRole(PersonRoles.Specialist))
            notes.AddRange(parsed.Problems.Select(problem => $"Line {problem.Line}: {problem.Message}")); // e.g. a misspelt first parameter


        var template = await CatalogParameters.TemplateAsync(db, p, notes, ct);
        var ci = await CatalogParameters.ConfigurationItemAsync(db, p, notes, ct);
        var service = await CatalogParameters.ServiceInstanceAsync(db, p, notes, ct)
            ?? (ci?.ServiceInstanceId is { } ciService ? await db.Set<ServiceCatalog.ServiceInstance>().FindAsync([ciService], ct) : null)
            ?? (template?.ServiceInstanceId is { } templateService ? await db.Set<ServiceCatalog.ServiceInstance>().FindAsync([templateService], ct) : null);
        var category = Enum.TryParse<TicketCategory>(p.Get("category")?.Value, true, out var c) ? c
            : template?.Category ?? (service is not null ? TicketCategory.Incident : TicketCategory.Other);
        var impact = Enum.TryParse<TicketImpact>(p.Get("impact")?.Value, true, out var i) ? i
            : template?.Impact ?? (category == TicketCategory.Incident ? TicketImpact.Top : (TicketImpact?)null);
        var changeManager = await ChangeManagerAsync(db, template, notes, ct);
        var status = p.Get("status") is null && template?.ChangeManagerId is not null ? TicketStatus.ChangePending : Status(p.Get("status")?.Value, notes);
        var supplier = await CatalogParameters.SupplierAsync(db, p, notes, ct);
        var completionReason = p.Get("completion_reason")?.Value;
        if (completionReason is not null && status != TicketStatus.Completed)
        {
            notes.Ignore("completion_reason", "#completion_reason was ignored: it applies only when the status is completed.");
            completionReason = null;
        }
        var member = await MemberAsync(db, p, notes, ct) ?? changeManager;
        if (member is null && status is not (TicketStatus.Assigned or TicketStatus.Declined))
        {
            member = sender;
            notes.Add($"The status {status.Label()} needs an assignee; the sender was assigned.");
        }
        var requestedFor = await RequestedForAsync(db, p, sender, notes, ct);
        var teamId = await TeamAsync(db, p, mail.Route, member, service, sender, requestedFor, template?.TeamId, notes, ct);
        var change = await CatalogParameters.ChangeOrProblemAsync(db, p, ChangesAndProblems.ChangeOrProblemKind.Change, notes, ct);
        var problem = await CatalogParameters.ChangeOrProblemAsync(db, p, ChangesAndProblems.ChangeOrProblemKind.Problem, notes, ct);
        if (p.Parameters.Any(x => x.Account is not null))
            notes.Add($"The account prefix \"{AccountId}/\" names this helpdesk's account; the records were looked up without it.");

        var helpTopic = await MailHelpTopic.FindAsync(db, mail, notes, ct);
        var slaPlan = await SlaPlanAsync(db, service, requestedFor, ct);
        var internalNote = p.Has("internal");
        var ticket = new NewTicket
        {
            Subject = !string.IsNullOrWhiteSpace(mail.Content.Subject) ? Truncate(mail.Content.Subject) : template?.Subject ?? "(no subject)",
            RequestedForId = requestedFor.Id,
            RequestedById = sender.Id,
            Description = Body(mail, parsed, honoured) ?? template?.Note,
            DescriptionFormat = Format(mail, p, honoured),
            DescriptionLog = internalNote ? CaseLogKind.Private : CaseLogKind.Public,
            Category = category,
            Impact = impact,
            Status = status,
            TeamId = teamId,
            MemberId = member?.Id,
            Source = p.Get("source")?.Value ?? TicketSources.Email,
            SourceId = p.Get("source_id")?.Value ?? mail.Content.MessageId,
            DesiredCompletionAt = Date(p, "desired_completion_at"),
            ServiceInstanceId = service?.Id,
            ConfigurationItemId = ci?.Id,
            SupplierId = supplier?.Id,
            SupplierRequestId = p.Get("supplier_requestID")?.Value,
            ChangeId = change?.Id,
            ProblemId = problem?.Id,
            DowntimeStartAt = Date(p, "downtime_start_at"),
            DowntimeEndAt = Date(p, "downtime_end_at"),
            WaitingUntil = Date(p, "waiting_until"),
            CompletionReason = completionReason,
            HelpTopicId = helpTopic,
            SlaPlanId = slaPlan,
            SourceMessageId = mail.Content.MessageId,
            AuditNotes = [$"Received by mail from {sender.PrimaryEmail}, {mail.Route.Description}.", .. notes],
        };
        return new BuiltRequest(ticket, parsed, Outcomes(parsed, honoured, sender.HasRole(PersonRoles.Specialist), notes), template?.Id);
    }

    private static IReadOnlyList<ParameterOutcome> Outcomes(MailParameterResult parsed, bool honoured, bool specialist, RequestNotes notes) => honoured
        ? [.. parsed.Parameters.Select(x => new ParameterOutcome("#" + x.Name, x.Value, !notes.Ignored.ContainsKey(x.Name), notes.Ignored.GetValueOrDefault(x.Name))),
            .. parsed.Problems.Select(problem => new ParameterOutcome($"line {problem.Line}", null, false, problem.Message))]
        : [.. parsed.Parameters.Select(x => new ParameterOutcome("#" + x.Name, x.Value, false, "The sender does not have the Specialist role.")),
            .. specialist ? parsed.Problems.Select(problem => new ParameterOutcome($"line {problem.Line}", null, false, problem.Message)) : []];

    /// <summary>
    /// The text of the request: below the parameters when they were honoured; otherwise the mail's HTML (sanitized when
    /// shown) if it has one, so formatting survives, else its plain text.
    /// </summary>
    public static string? Body(InboundContext mail, MailParameterResult parsed, bool honoured) =>
        honoured ? NullIfEmpty(parsed.Body)
        : !string.IsNullOrWhiteSpace(mail.Content.HtmlBody) ? mail.Content.HtmlBody
        : NullIfEmpty(parsed.OriginalBody);

    public static TextFormat Format(InboundContext mail, MailParameterResult p, bool honoured) =>
        honoured ? (p.Has("markdown") ? TextFormat.Markdown : TextFormat.Plain)
        : !string.IsNullOrWhiteSpace(mail.Content.HtmlBody) ? TextFormat.Html : TextFormat.Plain;

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static DateTime? Date(MailParameterResult p, string name) =>
        p.Get(name)?.Value is { } value ? MailParameterParser.ParseDateTime(value) : null;

    private static TicketStatus Status(string? value, RequestNotes notes)
    {
        if (value is null) return TicketStatus.Assigned;
        var mapped = value switch
        {
            "declined" => TicketStatus.Declined,
            "assigned" => TicketStatus.Assigned,
            "accepted" => TicketStatus.Accepted,
            "in_progress" => TicketStatus.InProgress,
            "waiting_for" => TicketStatus.WaitingFor,
            "waiting_for_customer" => TicketStatus.WaitingForCustomer,
            "reservation_pending" => TicketStatus.ReservationPending,
            "workflow_pending" => TicketStatus.WorkflowPending,
            "project_pending" => TicketStatus.ProjectPending,
            "change_pending" => TicketStatus.ChangePending,
            "completed" => TicketStatus.Completed,
            _ => (TicketStatus?)null,
        };
        if (mapped is null) notes.Ignore("status", $"#status: {value} is not a status of this helpdesk; the request was set to Assigned.");
        return mapped ?? TicketStatus.Assigned;
    }

    private static async Task<Person?> MemberAsync(HelpdeskDbContext db, MailParameterResult p, RequestNotes notes, CancellationToken ct)
    {
        var byEmail = p.Get("member")?.Value;
        var byId = p.Get("member_id")?.Value;
        if (byEmail is null && byId is null) return null;
        var person = byId is not null ? await SenderDirectory.FindByIdAsync(db, byId, ct)
            : await db.Set<Person>().FirstOrDefaultAsync(x => x.PrimaryEmail == byEmail && x.IsActive, ct);
        if (person is not null && person.HasRole(PersonRoles.Agent)) return person;
        notes.Ignore(byId is null ? "member" : "member_id", $"#member{(byId is null ? "" : "_id")}: {byId ?? byEmail} is not an active agent; no assignee was taken from it.");
        return null;
    }

    /// <summary>The manager of the change the template is linked to: the request's default member (Mail API).</summary>
    private static async Task<Person?> ChangeManagerAsync(HelpdeskDbContext db, ServiceCatalog.RequestTemplate? template, RequestNotes notes, CancellationToken ct)
    {
        if (template?.ChangeManagerId is not { } id) return null;
        var manager = await db.Set<Person>().FirstOrDefaultAsync(x => x.Id == id && x.IsActive, ct);
        if (manager is not null && manager.HasRole(PersonRoles.Agent)) return manager;
        notes.Add($"The change manager of template {template.Name} is not an active agent; the request was not assigned to them.");
        return null;
    }

    private static async Task<Person> RequestedForAsync(HelpdeskDbContext db, MailParameterResult p, Person sender, RequestNotes notes, CancellationToken ct)
    {
        var byEmail = p.Get("requested_for")?.Value;
        var byId = p.Get("requested_for_id")?.Value;
        if (byEmail is null && byId is null) return sender;
        if (!sender.HasRole(PersonRoles.ServiceDeskAnalyst))
        {
            notes.Ignore(byId is null ? "requested_for" : "requested_for_id", "#requested_for was ignored: only senders with the Service Desk Analyst role may request on behalf of someone.");
            return sender;
        }
        var person = byId is not null ? await SenderDirectory.FindByIdAsync(db, byId, ct)
            : await db.Set<Person>().FirstOrDefaultAsync(x => x.PrimaryEmail == byEmail && x.IsActive, ct);
        if (person is not null) return person;
        notes.Ignore(byId is null ? "requested_for" : "requested_for_id", $"#requested_for: {byId ?? byEmail} is not a known person; the sender was used.");
        return sender;
    }

    private async Task<int?> TeamAsync(HelpdeskDbContext db, MailParameterResult p, InboundRoute route, Person? member,
        ServiceCatalog.ServiceInstance? service, Person sender, Person requestedFor, int? templateTeam, RequestNotes notes, CancellationToken ct)
    {
        var byName = p.Get("team")?.Value;
        var byId = p.Get("team_id")?.Value;
        if (byName is not null || byId is not null)
        {
            var team = byId is not null && int.TryParse(byId, out var id)
                ? await db.Set<Team>().Where(t => t.Id == id).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct)
                : await db.Set<Team>().Where(t => t.Name == byName).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (team is not null) return team;
            // An invalid team is as if none were given: the request gets the team the default rules choose.
            notes.Ignore(byId is null ? "team" : "team_id", $"#team{(byId is null ? "" : "_id")}: {byId ?? byName} is not a team; the default team was selected.");
        }
        if (route.TeamId is { } routed) return routed;
        if (templateTeam is { } fromTemplate) return fromTemplate;
        if (member is not null)
        {
            var membersTeam = await db.Set<Team>().Where(t => t.Members.Any(m => m.Id == member.Id)).OrderBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (membersTeam is not null) return membersTeam;
        }
        if (service is not null)
        {
            // First line team, unless there is none or the sender works in the service's first line or support team.
            var senderTeams = await db.Set<Team>().Where(t => t.Members.Any(m => m.Id == sender.Id)).Select(t => t.Id).ToListAsync(ct);
            var senderSupports = senderTeams.Contains(service.FirstLineTeamId ?? -1) || senderTeams.Contains(service.SupportTeamId ?? -1);
            if (service.FirstLineTeamId is { } firstLine && !senderSupports) return firstLine;
            if (service.SupportTeamId is { } support) return support;
        }
        if (requestedFor.OrganizationId is { } organization
            && await db.Set<ServiceCatalog.SupportAgreement>().AsNoTracking().Where(a => a.CustomerOrganizationId == organization && a.ServiceDeskTeamId != null)
                .OrderBy(a => a.Id).Select(a => new { a.Name, a.ServiceDeskTeamId }).FirstOrDefaultAsync(ct) is { } agreement)
        {
            notes.Add($"The service desk team of support agreement {agreement.Name} was selected.");
            return agreement.ServiceDeskTeamId;
        }
        return await DefaultTeamAsync(db, ct);
    }

    /// <summary>The SLA plan of the service instance, else of the requested-for person's support agreement, else the default plan.</summary>
    private async Task<int?> SlaPlanAsync(HelpdeskDbContext db, ServiceCatalog.ServiceInstance? service, Person requestedFor, CancellationToken ct)
    {
        if (service?.SlaPlanId is { } servicePlan) return servicePlan;
        if (requestedFor.OrganizationId is { } organization
            && await db.Set<ServiceCatalog.SupportAgreement>().AsNoTracking().Where(a => a.CustomerOrganizationId == organization && a.SlaPlanId != null)
                .OrderBy(a => a.Id).Select(a => a.SlaPlanId).FirstOrDefaultAsync(ct) is { } agreementPlan)
            return agreementPlan;
        return options.Value.DefaultSlaPlan is { } name
            ? await db.Set<Correspondence.SlaPlan>().Where(p => p.Name == name).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
            : null;
    }

    /// <summary>The account's id, as the Mail API uses it in "account_id/record" values: the local part of the account address.</summary>
    private string AccountId => options.Value.AccountAddress[..Math.Max(0, options.Value.AccountAddress.LastIndexOf('@'))];

    private async Task<int?> DefaultTeamAsync(HelpdeskDbContext db, CancellationToken ct) =>
        options.Value.DefaultTeam is { } name ? await db.Set<Team>().Where(t => t.Name == name).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct) : null;

    private static string Truncate(string subject) => subject.Length <= TicketRules.MaxSubjectLength ? subject : subject[..TicketRules.MaxSubjectLength];
}
