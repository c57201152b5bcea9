using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Departments;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.MailStack;
using Microsoft.EntityFrameworkCore;

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
}
