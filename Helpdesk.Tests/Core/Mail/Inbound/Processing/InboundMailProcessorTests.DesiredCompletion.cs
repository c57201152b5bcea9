using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.People;
using Helpdesk.Core.ServiceCatalog;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>4me: mailed requests get their SLA plan, so "#desired_completion_at" compares with a real target.</summary>
public sealed partial class InboundMailProcessorTests
{
    private static Task<CoreTestHost> StartWithDefaultPlanAsync() => CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
        ["Mail:Inbound:DefaultSlaPlan"] = "Standard",
    });

    [Fact]
    public async Task ProcessAsync_DesiredCompletionEarlierThanTheDefaultPlansTarget_PlanSetAndItsTargetKept()
    {
        await using var host = await StartWithDefaultPlanAsync();
        var standard = await host.Get<CorrespondenceSetupCommands>().SaveSlaPlanAsync(null, "Standard", 8);
        await host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Disk full", "#desired_completion_at: 2026-11-02T12:00:00Z\ndisk"), host);

        var ticket = (await host.Get<Helpdesk.Core.Tickets.Queries.TicketDetailsQuery>().ExecuteAsync(row.TicketId!.Value, Actor.System))!;
        Assert.Equal((standard, (DateTime?)null), (ticket.SlaPlanId, ticket.ResolutionTargetAt));
        Assert.Equal(new DateTime(2026, 11, 2, 12, 0, 0, DateTimeKind.Utc), ticket.DesiredCompletionAt);
        Assert.Contains(ticket.Audit, a => a.Note == "Desired completion 2026-11-02 12:00:00Z is earlier than the SLA's resolution target 2026-11-02 17:00:00Z; the SLA target was kept.");
    }

    [Fact]
    public async Task ProcessAsync_ServiceInstanceWithAPlanAndALaterDesiredCompletion_DesiredCompletionBecomesTheTargetAndRequestedByIsTold()
    {
        await using var host = await StartWithDefaultPlanAsync();
        await host.Get<CorrespondenceSetupCommands>().SaveSlaPlanAsync(null, "Standard", 8);
        var fast = await host.Get<CorrespondenceSetupCommands>().SaveSlaPlanAsync(null, "Fast", 4);
        await host.Get<ServiceCatalogCommands>().SaveServiceInstanceAsync(new ServiceInstanceInput(null, "Mail", null, null, fast));
        await host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Queue stuck",
            "#service_instance: Mail #desired_completion_at: 2026-11-03T09:00:00Z\nstuck"), host);

        var ticket = (await host.Get<Helpdesk.Core.Tickets.Queries.TicketDetailsQuery>().ExecuteAsync(row.TicketId!.Value, Actor.System))!;
        var desired = new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal((fast, desired), (ticket.SlaPlanId, ticket.ResolutionTargetAt));
        await using var db = await host.DbAsync();
        var kind = CorrespondenceMail.Kind(CorrespondenceKind.DesiredCompletionNotice);
        var notice = await db.Set<OutboxMessage>().SingleAsync(m => m.Kind == kind);
        Assert.Equal("\"Nagios\" <nnm@monitoring.test>", notice.To);
        Assert.Contains("2026", notice.Subject);
    }

    [Fact]
    public async Task ProcessAsync_RequesterCoveredByAnAgreementWithAPlan_TakesTheAgreementsPlanOverTheDefault()
    {
        await using var host = await StartWithDefaultPlanAsync();
        await host.Get<CorrespondenceSetupCommands>().SaveSlaPlanAsync(null, "Standard", 8);
        var gold = await host.Get<CorrespondenceSetupCommands>().SaveSlaPlanAsync(null, "Gold", 2);
        var acme = await host.Get<SaveOrganizationCommand>().ExecuteAsync(null, "Acme");
        await host.Get<SaveSupportAgreementCommand>().ExecuteAsync(new SupportAgreementInput(null, "Acme gold", acme, null, gold));
        await using (var db = await host.DbAsync())
        {
            db.Add(new Person { Name = "Alice Walker", PrimaryEmail = "alice@acme.test", OrganizationId = acme });
            await db.SaveChangesAsync();
        }

        var row = await ReceiveAsync(InboundTestMail.Create("alice@acme.test", "support@helpdesk.test", "Printer jams", "It jams."), host);

        Assert.Equal(gold, (await host.Get<Helpdesk.Core.Tickets.Queries.TicketDetailsQuery>().ExecuteAsync(row.TicketId!.Value, Actor.System))!.SlaPlanId);
    }
}
