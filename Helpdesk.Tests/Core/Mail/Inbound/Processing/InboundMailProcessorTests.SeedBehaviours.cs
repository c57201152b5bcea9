using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>Seed behaviours that existed without a test of their own (issue 13's list).</summary>
public sealed partial class InboundMailProcessorTests
{
    private static Task<CoreTestHost> StartWithAliasesAsync() => CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
        ["Mail:Inbound:AccountAliases:0"] = "help@customer.test",
        ["Mail:Inbound:TeamAliases:noc@customer.test"] = "network",
    });

    [Fact]
    public async Task ProcessAsync_MailToAnAccountAlias_IsMailToTheAccountAndTheAliasIsNoContact()
    {
        await using var host = await StartWithAliasesAsync();
        await host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var mail = InboundTestMail.Create("alice@customer.test", "help@customer.test", "Printer jams", "It jams.");
        mail.Cc.Add(MimeKit.MailboxAddress.Parse("support@helpdesk.test"));

        var row = await ReceiveAsync(mail, host);

        Assert.Equal(InboundStatus.Processed, row.Status);
        Assert.Contains("sent to the account address", row.Outcome);
        Assert.Empty(await host.Get<TicketContactsQuery>().ExecuteAsync(row.TicketId!.Value, Actor.System));
    }

    [Fact]
    public async Task ProcessAsync_MailToATeamAlias_AssignsThatTeamAndRepliesFromItAreOurOwn()
    {
        await using var host = await StartWithAliasesAsync();
        await host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await host.AddPersonAsync("Network Desk", "noc@customer.test");
        Team network;
        await using (var db = await host.DbAsync())
        {
            network = new Team { Name = "Network", InboundLocalPart = "network" };
            db.Add(network);
            await db.SaveChangesAsync();
        }
        var mail = InboundTestMail.Create("alice@customer.test", "noc@customer.test", "VPN down", "Down.");
        mail.Cc.Add(MimeKit.MailboxAddress.Parse("noc@customer.test"));

        var row = await ReceiveAsync(mail, host);

        var ticket = (await host.Get<TicketDetailsQuery>().ExecuteAsync(row.TicketId!.Value, Actor.System))!;
        Assert.Equal((network.Id, TicketStatus.Assigned), (ticket.Team?.Id, ticket.Status));
        Assert.Contains("sent to team Network (noc@customer.test)", row.Outcome);
        // The alias is the team's own address, even though a person has it: it never becomes a contact of the ticket.
        Assert.Empty(await host.Get<TicketContactsQuery>().ExecuteAsync(ticket.Id, Actor.System));
    }

    [Fact]
    public async Task ProcessAsync_InternalAndMarkdownOnANewRequest_PrivateMarkdownDescription()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await AddTeamAsync("Service Desk", "servicedesk");

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Disk full", "#internal #markdown\nDisk **full** on web01."));

        var ticket = await TicketAsync(row.TicketId);
        Assert.Empty(ticket.PublicLog);
        var entry = Assert.Single(ticket.PrivateLog);
        Assert.Contains("<strong>full</strong>", entry.Html);
        Assert.DoesNotContain("#internal", entry.Html);
        await using var db = await _host.DbAsync();
        Assert.Equal(TextFormat.Markdown, (await db.Set<CaseLogEntry>().SingleAsync(e => e.TicketId == ticket.Id)).Format);
    }

    [Fact]
    public async Task ProcessAsync_RequestedForByAServiceDeskAnalyst_RequestsOnBehalfOfThatPerson()
    {
        var analyst = await _host.AddPersonAsync("Sam Analyst", "sam@helpdesk.test", PersonRoles.Specialist | PersonRoles.ServiceDeskAnalyst);
        var carl = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
        await AddTeamAsync("Service Desk", "servicedesk");

        var row = await ReceiveAsync(InboundTestMail.Create("sam@helpdesk.test", "support@helpdesk.test", "Carl's laptop", "#requested_for: carl@customer.test\nCarl called about his laptop."));

        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal((carl.Id, analyst.Id), (ticket.RequestedFor.Id, ticket.RequestedBy.Id));
        Assert.DoesNotContain(ticket.Audit, a => a.Note?.Contains("#requested_for") == true && a.Note.Contains("ignored"));
    }

    [Theory]
    [InlineData("#in_progress", TicketStatus.InProgress, true)]
    [InlineData("#status: waiting_for_customer", TicketStatus.WaitingForCustomer, true)]
    [InlineData("#status: assigned", TicketStatus.Assigned, false)]
    public async Task ProcessAsync_StatusThatNeedsAMemberWithoutMember_TheSenderBecomesMember(string parameter, TicketStatus status, bool needsMember)
    {
        var nagios = await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await AddTeamAsync("Service Desk", "servicedesk");

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Port down", parameter + "\nPort 12."));

        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal((status, needsMember ? nagios.Id : (int?)null), (ticket.Status, ticket.Member?.Id));
    }

    [Fact]
    public async Task ProcessAsync_MemberGivenWithAStatusThatNeedsOne_KeepsThatMember()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        var ann = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        await AddTeamAsync("Service Desk", "servicedesk");

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Port down", "#in_progress #member: ann@helpdesk.test\nPort 12."));

        Assert.Equal(ann.Id, (await TicketAsync(row.TicketId)).Member?.Id);
    }

    [Theory]
    [InlineData("true", 1)]
    [InlineData("false", 0)]
    public async Task CreateTicket_InternalTicketAutoresponseSwitch_DecidesWhetherTheRequesterIsAnswered(string on, int expected)
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
            ["Correspondence:NewTicketAutoresponseForInternalTickets"] = on,
        });
        var agent = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var carl = await host.AddPersonAsync("Carl Caller", "carl@customer.test");

        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Phoned in", RequestedForId = carl.Id, Description = "Carl phoned." },
            CoreTestHost.AgentActor(agent));

        await using var db = await host.DbAsync();
        var kind = CorrespondenceMail.Kind(CorrespondenceKind.NewTicketAutoresponse);
        var mails = await db.Set<Helpdesk.Core.Mail.Outbound.OutboxMessage>().Where(m => m.Kind == kind && m.TicketId == id).ToListAsync();
        Assert.Equal(expected, mails.Count);
        Assert.All(mails, m => Assert.Equal("\"Carl Caller\" <carl@customer.test>", m.To));
    }

    [Fact]
    public async Task ProcessAsync_SubjectOnlyMail_CreatesARequestWithAllDefaults()
    {
        var alice = await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var serviceDesk = await AddTeamAsync("Service Desk", "servicedesk");

        var row = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Need a new mouse", ""));

        Assert.Equal(InboundStatus.Processed, row.Status);
        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal(("Need a new mouse", TicketStatus.Assigned, TicketCategory.Other, serviceDesk.Id, alice.Id),
            (ticket.Subject, ticket.Status, ticket.Category, ticket.Team?.Id, ticket.RequestedFor.Id));
        Assert.Empty(ticket.PublicLog);
        Assert.Empty(ticket.PrivateLog);
    }
}
