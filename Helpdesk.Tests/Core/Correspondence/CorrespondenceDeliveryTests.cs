using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Departments;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;
using Helpdesk.Tests.TestSupport.MailStack;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Helpdesk.Tests.Core.Correspondence;

/// <summary>Autoresponses and alerts delivered to the real Dovecot mailboxes: each recipient once, the actor never.</summary>
[Trait("Category", "MailStack")]
public sealed class CorrespondenceDeliveryTests
{
    [Fact]
    public async Task CustomerTicketAndInternalNote_ReachTheRightMailboxesOnce()
    {
        var admin = MailStackServer.NewAddress();
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Correspondence:AdminEmail"] = admin,
            ["Mail:Outbound:Transport"] = "Smtp", ["Mail:Outbound:SmtpHost"] = MailStackServer.Host,
            ["Mail:Outbound:SmtpPort"] = MailStackServer.SmtpPort.ToString(), ["Mail:Outbound:SmtpSecurity"] = "None",
        });
        var manager = await host.AddPersonAsync("Mona", MailStackServer.NewAddress(), PersonRoles.Agent);
        var member = await host.AddPersonAsync("Max", MailStackServer.NewAddress(), PersonRoles.Agent);
        var caller = await host.AddPersonAsync("Carl", MailStackServer.NewAddress("customer.test"));
        int departmentId;
        await using (var db = await host.DbAsync())
        {
            var people = await db.Set<Person>().ToDictionaryAsync(p => p.Id);
            var department = new Department { Name = "IT", Manager = people[manager.Id], Members = [people[manager.Id], people[member.Id]] };
            db.Add(department);
            await db.SaveChangesAsync();
            departmentId = department.Id;
        }

        var ticketId = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket
        {
            Subject = "Laptop will not boot", RequestedForId = caller.Id, DepartmentId = departmentId, Description = "Black screen.",
        }, new Actor(caller.Id, caller.Name, ActorKind.Customer));
        await host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = ticketId, Log = CaseLogKind.Private, Text = "Probably the SSD.",
        }, CoreTestHost.AgentActor(member));
        await host.Get<OutboxSendStage>().ProcessDueAsync(default);

        var toCaller = await MailStackServer.WaitForMessagesAsync(caller.PrimaryEmail, 1, TimeSpan.FromSeconds(10));
        var toManager = await MailStackServer.WaitForMessagesAsync(manager.PrimaryEmail, 2, TimeSpan.FromSeconds(10));
        var toMember = await MailStackServer.WaitForMessagesAsync(member.PrimaryEmail, 1, TimeSpan.FromSeconds(10));
        var toAdmin = await MailStackServer.WaitForMessagesAsync(admin, 1, TimeSpan.FromSeconds(10));

        Assert.Contains("we received your request", Assert.Single(toCaller).Subject);
        Assert.Equal(["Internal note", "New ticket"], toManager.Select(m => (m.Subject ?? "").Contains("Internal note") ? "Internal note" : "New ticket").Order());
        Assert.Contains("New ticket", Assert.Single(toMember).Subject); // the member wrote the note, so no note alert for them
        Assert.Contains("New ticket", Assert.Single(toAdmin).Subject);
        Assert.All(toManager.Concat(toCaller), m => Assert.Equal("auto-generated", m.Headers["Auto-Submitted"]));
    }

    [Fact]
    public async Task WholeTicketLife_EveryAutoresponseAndAlert_ReachesEachRecipientOnceAndNobodyElse()
    {
        var admin = MailStackServer.NewAddress();
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Correspondence:AdminEmail"] = admin, ["Correspondence:MaxOpenTicketsPerUser"] = "1",
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
            ["Mail:Outbound:Transport"] = "Smtp", ["Mail:Outbound:SmtpHost"] = MailStackServer.Host,
            ["Mail:Outbound:SmtpPort"] = MailStackServer.SmtpPort.ToString(), ["Mail:Outbound:SmtpSecurity"] = "None",
        });
        var manager = await host.AddPersonAsync("Mona", MailStackServer.NewAddress(), PersonRoles.Agent);
        var member = await host.AddPersonAsync("Max", MailStackServer.NewAddress(), PersonRoles.Agent);
        var lead = await host.AddPersonAsync("Lea", MailStackServer.NewAddress(), PersonRoles.Agent);
        var teamMate = await host.AddPersonAsync("Tim", MailStackServer.NewAddress(), PersonRoles.Agent);
        var facilities = await host.AddPersonAsync("Olga", MailStackServer.NewAddress(), PersonRoles.Agent);
        var caller = await host.AddPersonAsync("Carl", MailStackServer.NewAddress("customer.test"));
        int itId, facilitiesId, teamId;
        await using (var db = await host.DbAsync())
        {
            var people = await db.Set<Person>().ToDictionaryAsync(p => p.Id);
            var it = new Department { Name = "IT", Manager = people[manager.Id], Members = [people[manager.Id], people[member.Id]] };
            var other = new Department { Name = "Facilities", Manager = people[facilities.Id], Members = [people[facilities.Id]] };
            var team = new Team { Name = "Network", Lead = people[lead.Id], Members = [people[lead.Id], people[teamMate.Id]] };
            db.AddRange(it, other, team);
            await db.SaveChangesAsync();
            (itId, facilitiesId, teamId) = (it.Id, other.Id, team.Id);
        }
        var customer = new Actor(caller.Id, caller.Name, ActorKind.Customer);
        var append = host.Get<AppendCaseLogEntryCommand>();
        async Task UpdateAsync(int id, Func<TicketFieldsUpdate, TicketFieldsUpdate> change) =>
            await host.Get<UpdateTicketCommand>().ExecuteAsync(change((await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!.AsUpdate()), CoreTestHost.AgentActor(manager));

        var ticketId = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket
        {
            Subject = "Laptop will not boot", RequestedForId = caller.Id, DepartmentId = itId, Description = "Black screen.",
            ResolutionTargetAt = host.Clock.GetUtcNow().UtcDateTime.AddHours(2),
        }, customer);
        await UpdateAsync(ticketId, u => u with { TeamId = teamId, MemberId = teamMate.Id });
        await append.ExecuteAsync(new NewCaseLogEntry { TicketId = ticketId, Log = CaseLogKind.Public, Text = "Still black.", Origin = EntryOrigin.Customer }, customer);
        await append.ExecuteAsync(new NewCaseLogEntry { TicketId = ticketId, Log = CaseLogKind.Private, Text = "Probably the SSD, @Lea?", MentionIds = [lead.Id] },
            CoreTestHost.AgentActor(member));
        await UpdateAsync(ticketId, u => u with { DepartmentId = facilitiesId });
        await UpdateAsync(ticketId, u => u with { DesiredCompletionAt = host.Clock.GetUtcNow().UtcDateTime.AddHours(1) });
        host.Clock.Advance(TimeSpan.FromHours(3));
        await host.Get<OverdueSweep>().RunAsync(default);
        var second = InboundTestMail.Create(caller.PrimaryEmail, "support@helpdesk.test", "And my monitor", "It flickers.");
        var (row, _) = await host.Get<InboundMailStore>().StoreAsync("test", "1", second.Bytes(), default);
        await host.Get<InboundMailProcessor>().ProcessAsync(row, default);
        while (await host.Get<OutboxSendStage>().ProcessDueAsync(default) > 0) { }

        await using var check = await host.DbAsync();
        var mails = (await check.Set<OutboxMessage>().Where(m => m.Kind.StartsWith("alert:") || m.Kind.StartsWith("autoresponse:")).ToListAsync())
            .Select(m => (m.Kind, m.MessageId, Address: MailboxAddress.Parse(m.To).Address, m.Status)).ToList();
        // The sender notices answer mail that made no ticket, and system alerts are about the helpdesk: not part of a ticket's life.
        var ticketKinds = Enum.GetValues<CorrespondenceKind>().Except([CorrespondenceKind.UnknownSenderNotice, CorrespondenceKind.InactiveSenderNotice])
            .Where(k => !CorrespondenceSwitches.IsSystemAlert(k));
        Assert.Equal(ticketKinds.Select(CorrespondenceMail.Kind).Order(), mails.Select(m => m.Kind).Distinct().Order());
        Assert.All(mails, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.DoesNotContain(mails, m => m.Kind == CorrespondenceMail.Kind(CorrespondenceKind.InternalNoteAlert) && m.Address == member.PrimaryEmail);
        foreach (var mailbox in mails.GroupBy(m => m.Address))
        {
            var delivered = await MailStackServer.WaitForMessagesAsync(mailbox.Key, mailbox.Count(), TimeSpan.FromSeconds(10));
            Assert.Equal(mailbox.Select(m => m.MessageId).Order(), delivered.Select(d => $"<{d.MessageId}>").Order());
        }
    }
}
