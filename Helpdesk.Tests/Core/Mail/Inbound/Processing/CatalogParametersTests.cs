using Helpdesk.Core.ChangesAndProblems;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.People;
using Helpdesk.Core.ServiceCatalog;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>Mail API parameters that reference the service catalog, and the defaults that follow from them.</summary>
public sealed class CatalogParametersTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Person _nagios = default!;
    private Team _firstLine = default!;
    private Team _support = default!;
    private ServiceInstance _website = default!;
    private readonly Organization _acmeNetworks = new() { Name = "Acme Networks", IsSupplier = true };

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test" });
        _nagios = await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await using var db = await _host.DbAsync();
        _firstLine = new Team { Name = "Service Desk" };
        _support = new Team { Name = "Web Ops" };
        _website = new ServiceInstance { Name = "Website", FirstLineTeam = _firstLine, SupportTeam = _support };
        db.AddRange(_firstLine, _support, _website,
            new ConfigurationItem { Label = "CORE-SW-1", Name = "core-switch", Source = "SCCM", SourceId = "A-77", ServiceInstance = _website },
            _acmeNetworks, new Organization { Name = "Plain Customer Ltd" },
            new RequestTemplate { Name = "Disk alert", Subject = "Disk full", Category = TicketCategory.Incident, Impact = TicketImpact.Medium, Note = "Clean up the disk." });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<TicketDetailsAndRow> ReceiveAsync(string subject, string body, string from = "nnm@monitoring.test")
    {
        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("test", Guid.NewGuid().ToString(),
            InboundTestMail.Create(from, "support@helpdesk.test", subject, body).Bytes(), default);
        await _host.Get<InboundMailProcessor>().ProcessAsync(id, default);
        await using var db = await _host.DbAsync();
        var row = await db.Set<InboundMessage>().SingleAsync(m => m.Id == id);
        var ticket = row.TicketId is { } t ? await db.Set<Ticket>().AsNoTracking().SingleAsync(x => x.Id == t) : null;
        return new TicketDetailsAndRow(row, ticket);
    }

    private sealed record TicketDetailsAndRow(InboundMessage Row, Ticket? Ticket);

    [Theory]
    [InlineData("#ci: CORE-SW-1")]
    [InlineData("#ci: core-switch")]
    [InlineData("#ci_source: SCCM #ci_sourceID: A-77")]
    public async Task Ci_GivesItsServiceInstanceIncidentTopImpactAndFirstLineTeam(string parameters)
    {
        var result = await ReceiveAsync("Port down", parameters + "\nport 12 down");

        var ticket = result.Ticket!;
        Assert.Equal((_website.Id, TicketCategory.Incident, (TicketImpact?)TicketImpact.Top, _firstLine.Id),
            (ticket.ServiceInstanceId, ticket.Category, ticket.Impact, ticket.TeamId));
        Assert.NotNull(ticket.ConfigurationItemId);
    }

    [Fact]
    public async Task SenderInFirstLineTeam_GetsTheSupportTeam()
    {
        await using (var db = await _host.DbAsync())
        {
            var team = await db.Set<Team>().Include(t => t.Members).SingleAsync(t => t.Id == _firstLine.Id);
            team.Members.Add(await db.Set<Person>().SingleAsync(p => p.Id == _nagios.Id));
            await db.SaveChangesAsync();
        }

        var result = await ReceiveAsync("Site slow", "#service_instance: Website\nslow");

        Assert.Equal(_support.Id, result.Ticket!.TeamId);
    }

    [Fact]
    public async Task SameCiWithin24Hours_AddsANoteEvenWithAnotherSubject()
    {
        var first = await ReceiveAsync("Port 12 down", "#ci: CORE-SW-1\nfirst");
        var second = await ReceiveAsync("Port 12 still down", "#ci: CORE-SW-1\nsecond");

        Assert.Equal(first.Row.TicketId, second.Row.TicketId);
        Assert.Contains("Matches the open event", second.Row.Outcome);
    }

    [Fact]
    public async Task Template_FillsMissingSubjectAndTextButParametersWin()
    {
        var result = await ReceiveAsync("", "#template_id: 1 #high");

        var ticket = result.Ticket!;
        Assert.Equal(("Disk full", TicketCategory.Incident, (TicketImpact?)TicketImpact.High), (ticket.Subject, ticket.Category, ticket.Impact));
        await using var db = await _host.DbAsync();
        Assert.Equal("Clean up the disk.", (await db.Set<Helpdesk.Core.CaseLog.CaseLogEntry>().SingleAsync(e => e.TicketId == ticket.Id)).Text);
    }

    [Fact]
    public async Task SupplierDowntimeAndCompletion_AreStored()
    {
        var result = await ReceiveAsync("Fibre cut", "#supplier: Acme Networks #supplier_requestID: SR-9\n#downtime_start_at: 2026-11-24 08:00 #downtime_end_at: 2026-11-24 09:30\n#completed #workaround\nfixed");

        var ticket = result.Ticket!;
        Assert.Equal(("SR-9", TicketStatus.Completed, "workaround"), (ticket.SupplierRequestId, ticket.Status, ticket.CompletionReason));
        Assert.Equal(_acmeNetworks.Id, ticket.SupplierId);
        Assert.Equal(new DateTime(2026, 11, 24, 9, 30, 0), ticket.DowntimeEndAt);
    }

    [Fact]
    public async Task ChangeAndProblemIds_LinkTheRequestAndShowOnIt()
    {
        var (change, problem) = (new ChangeOrProblem { Kind = ChangeOrProblemKind.Change, Subject = "Replace core switch" },
            new ChangeOrProblem { Kind = ChangeOrProblemKind.Problem, Subject = "Flapping ports" });
        await using (var db = await _host.DbAsync())
        {
            db.AddRange(change, problem);
            await db.SaveChangesAsync();
        }

        var result = await ReceiveAsync("Port down", $"#change_id: {change.Id} #problem_id: {problem.Id}\nx");

        Assert.Equal((change.Id, problem.Id), (result.Ticket!.ChangeId, result.Ticket.ProblemId));
        var details = await _host.Get<TicketDetailsQuery>().ExecuteAsync(result.Ticket.Id, Actor.System);
        Assert.Equal($"CH-{change.Id}", details!.MailApi.Change!.Number);
        Assert.Equal("Flapping ports", details.MailApi.Problem!.Subject);
    }

    [Fact]
    public async Task ProblemIdGivenAsChangeId_IsNotedAndIgnored()
    {
        var problem = new ChangeOrProblem { Kind = ChangeOrProblemKind.Problem, Subject = "Flapping ports" };
        await using (var db = await _host.DbAsync())
        {
            db.Add(problem);
            await db.SaveChangesAsync();
        }

        var result = await ReceiveAsync("Port down", $"#change_id: {problem.Id}\nx");

        await using var after = await _host.DbAsync();
        Assert.Contains($"#change_id: {problem.Id} was not found; ignored.", await after.Set<TicketAuditEntry>().Where(a => a.TicketId == result.Ticket!.Id).Select(a => a.Note).ToListAsync());
        Assert.Null(result.Ticket!.ChangeId);
    }

    [Fact]
    public async Task SupplierId_NamesASupplierOrganization()
    {
        var result = await ReceiveAsync("Fibre cut", $"#supplier_id: {_acmeNetworks.Id}\nx");

        Assert.Equal(_acmeNetworks.Id, result.Ticket!.SupplierId);
    }

    [Fact]
    public async Task Supplier_OrganizationNotMarkedAsSupplier_IsNotedAndIgnored()
    {
        var result = await ReceiveAsync("Fibre cut", "#supplier: Plain Customer Ltd\nx");

        await using var db = await _host.DbAsync();
        var notes = await db.Set<TicketAuditEntry>().Where(a => a.TicketId == result.Ticket!.Id).Select(a => a.Note).ToListAsync();
        Assert.Contains("#supplier: Plain Customer Ltd was not found; ignored.", notes);
        Assert.Null(result.Ticket!.SupplierId);
    }

    [Fact]
    public async Task UnknownReferences_AreNotedAndIgnored()
    {
        var result = await ReceiveAsync("Unknown", "#ci: NOPE-1 #supplier_id: 99 #change_id: 5\nx");

        await using var db = await _host.DbAsync();
        var notes = await db.Set<TicketAuditEntry>().Where(a => a.TicketId == result.Ticket!.Id).Select(a => a.Note).ToListAsync();
        Assert.Contains("#ci: NOPE-1 was not found; ignored.", notes);
        Assert.Contains("#supplier_id: 99 was not found; ignored.", notes);
        Assert.Contains("#change_id: 5 was not found; ignored.", notes);
        Assert.Null(result.Ticket!.ChangeId);
        Assert.Equal(TicketCategory.Other, result.Ticket!.Category);
    }

    [Fact]
    public async Task CompletionReasonWithoutCompletedStatus_IsIgnored()
    {
        var result = await ReceiveAsync("Not done", "#workaround\nx");

        Assert.Null(result.Ticket!.CompletionReason);
    }

    private async Task<(int TemplateId, Person Manager)> ChangeTemplateAsync()
    {
        var manager = await _host.AddPersonAsync("Chris Change", "chris@helpdesk.test", PersonRoles.Agent);
        var templateId = await _host.Get<ServiceCatalogCommands>().SaveTemplateAsync(
            new RequestTemplateInput(null, "New laptop", "Laptop request", null, TicketCategory.Rfc, null, null, null, manager.Id));
        return (templateId, manager);
    }

    [Fact]
    public async Task TemplateLinkedToAChange_AssignsTheChangeManagerWithStatusChangePending()
    {
        var (templateId, manager) = await ChangeTemplateAsync();

        var ticket = (await ReceiveAsync("Laptop for Dana", $"#template_id: {templateId}\nA 14 inch one.")).Ticket!;

        Assert.Equal((TicketStatus.ChangePending, (int?)manager.Id), (ticket.Status, ticket.MemberId));
        Assert.True(ticket.Status.IsOpen());
        Assert.Equal("Change pending", ticket.Status.Label());
    }

    [Fact]
    public async Task TemplateLinkedToAChange_StatusAndMemberParametersStillWin()
    {
        var (templateId, _) = await ChangeTemplateAsync();
        var other = await _host.AddPersonAsync("Olga Other", "olga@helpdesk.test", PersonRoles.Agent);

        var ticket = (await ReceiveAsync("Laptop", $"#template_id: {templateId} #in_progress #member: olga@helpdesk.test\nx")).Ticket!;

        Assert.Equal((TicketStatus.InProgress, (int?)other.Id), (ticket.Status, ticket.MemberId));
    }

    [Fact]
    public async Task SaveTemplate_ChangeManagerNotAnAgent_IsAFieldError()
    {
        var error = await Assert.ThrowsAsync<Helpdesk.Core.Common.ValidationFailedException>(() => _host.Get<ServiceCatalogCommands>().SaveTemplateAsync(
            new RequestTemplateInput(null, "Bad", null, null, null, null, null, null, _nagios.Id)));

        Assert.Equal("The change manager must be an active agent.", error.Errors["changeManager"]);
    }

    [Fact]
    public async Task PrefixOfTheConfiguredAccount_IsRemovedBeforeTheLookup()
    {
        var ticket = (await ReceiveAsync("Port down", "#ci: support/CORE-SW-1\nport 12")).Ticket!;

        Assert.NotNull(ticket.ConfigurationItemId);
        await using var db = await _host.DbAsync();
        Assert.Contains(await db.Set<TicketAuditEntry>().Where(a => a.TicketId == ticket.Id).Select(a => a.Note).ToListAsync(),
            n => n != null && n.StartsWith("The account prefix \"support/\" names this helpdesk's account"));
    }

    [Fact]
    public async Task DryRun_Specialist_ShowsTheRequestFieldsAndWhatEachParameterDid()
    {
        var (templateId, _) = await ChangeTemplateAsync();
        var mail = InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Port down",
            $"#ci: CORE-SW-1 #template_id: {templateId}\n#member: nobody@x.test #change_id: 7 #hurry\nport 12").Bytes();

        var (decision, preview) = await _host.Get<InboundMailProcessor>().DryRunAsync(mail, default);

        Assert.IsType<CreateRequest>(decision);
        Assert.NotNull(preview);
        Assert.Equal(("Service Desk", TicketCategory.Rfc, (TicketImpact?)null, TicketStatus.ChangePending), (preview.Team, preview.Category, preview.Impact, preview.Status));
        Assert.Equal(($"Chris Change <chris@helpdesk.test>", "Nagios <nnm@monitoring.test>"), (preview.Member, preview.RequestedFor));
        Assert.Equal(("Website", "CORE-SW-1", "New laptop"), (preview.ServiceInstance, preview.ConfigurationItem, preview.Template));
        Assert.Collection(preview.Parameters,
            p => Assert.Equal(("#ci", true), (p.Parameter, p.Applied)),
            p => Assert.Equal(("#template_id", true), (p.Parameter, p.Applied)),
            p => Assert.Equal(("#member", false, "#member: nobody@x.test is not an active agent; no assignee was taken from it."), (p.Parameter, p.Applied, p.Reason)),
            p => Assert.Equal(("#change_id", false), (p.Parameter, p.Applied)),
            p => Assert.Equal(("line 2", false), (p.Parameter, p.Applied)));
        await using var db = await _host.DbAsync();
        Assert.Equal(0, await db.Set<Ticket>().CountAsync());
    }

    [Fact]
    public async Task DryRun_ParametersFromANonSpecialist_AreAllIgnoredWithTheReason()
    {
        await _host.AddPersonAsync("Eve", "eve@customer.test");

        var (_, preview) = await _host.Get<InboundMailProcessor>().DryRunAsync(
            InboundTestMail.Create("eve@customer.test", "support@helpdesk.test", "Hi", "#high\nhelp").Bytes(), default);

        var parameter = Assert.Single(preview!.Parameters);
        Assert.Equal(("#impact", false, "The sender does not have the Specialist role."), (parameter.Parameter, parameter.Applied, parameter.Reason));
        Assert.Equal((TicketCategory.Other, (TicketImpact?)null), (preview.Category, preview.Impact));
    }

    [Fact]
    public async Task TicketDetails_ShowTheMailApiFieldsByName()
    {
        var result = await ReceiveAsync("Fibre cut", "#ci: CORE-SW-1 #supplier: Acme Networks #supplier_requestID: SR-9\n#downtime_start_at: 2026-11-24 08:00 #waiting_for #waiting_until: 2026-11-25 09:30\nx");

        var details = (await _host.Get<TicketDetailsQuery>().ExecuteAsync(result.Ticket!.Id, Actor.System))!;

        Assert.Equal(new MailApiFields("Website", "CORE-SW-1", "Acme Networks", "SR-9", new DateTime(2026, 11, 24, 8, 0, 0), null, new DateTime(2026, 11, 25, 9, 30, 0), null), details.MailApi);
    }

    [Fact]
    public async Task MisspeltFirstParameterFromASpecialist_MailIsTextAndTheAuditTrailSaysWhy()
    {
        var ticket = (await ReceiveAsync("Disk", "#imapct: high\n#high\ndisk full")).Ticket!;

        Assert.Null(ticket.Impact);
        await using var db = await _host.DbAsync();
        var notes = await db.Set<TicketAuditEntry>().Where(a => a.TicketId == ticket.Id).Select(a => a.Note).ToListAsync();
        Assert.Contains("Line 1: #imapct is not a known parameter; the mail is read as text without parameters.", notes);
        Assert.Equal("#imapct: high\n#high\ndisk full", (await db.Set<Helpdesk.Core.CaseLog.CaseLogEntry>().SingleAsync(e => e.TicketId == ticket.Id)).Text);
    }
}
