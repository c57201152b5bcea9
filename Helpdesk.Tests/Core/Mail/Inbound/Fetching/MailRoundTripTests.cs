using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.MailStack;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Helpdesk.Tests.Core.Mail.Inbound.Fetching;

/// <summary>Both directions over the real Postfix + Dovecot: team addresses, and a customer's reply to our mail.</summary>
[Trait("Category", "MailStack")]
public sealed class MailRoundTripTests : IAsyncLifetime
{
    private readonly string _account = MailStackServer.NewAddress();
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Mail:Inbound:AccountAddress"] = _account,
        ["Mail:Outbound:Transport"] = "Smtp", ["Mail:Outbound:SmtpHost"] = MailStackServer.Host,
        ["Mail:Outbound:SmtpPort"] = MailStackServer.SmtpPort.ToString(), ["Mail:Outbound:SmtpSecurity"] = "None",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private MailboxOptions Imap(string address) => new()
    {
        Name = address, Kind = MailboxKind.Imap, Host = MailStackServer.Host, Port = MailStackServer.ImapPort,
        Security = SecureSocketOptions.None, UserName = address, Password = MailStackServer.Password,
    };

    private async Task FetchAndProcessAsync(string address)
    {
        await _host.Get<ImapFetcher>().FetchAsync(Imap(address), default);
        await _host.Get<InboundMailProcessor>().ProcessPendingAsync(default);
    }

    [Fact]
    public async Task MailToTeamAddress_OverSmtp_CreatesRequestForThatTeam()
    {
        await _host.AddPersonAsync("Alice", "alice@customer.test");
        await using (var db = await _host.DbAsync())
        {
            db.Add(new Team { Name = "Network", InboundLocalPart = "network" });
            await db.SaveChangesAsync();
        }
        var teamAddress = "network." + _account;

        await MailStackServer.SendAsync(InboundTestMail.Create("alice@customer.test", teamAddress, "Switch down", "Floor 2 is offline."));
        await MailStackServer.WaitForMessagesAsync(teamAddress, 1, TimeSpan.FromSeconds(10));
        await FetchAndProcessAsync(teamAddress);

        var ticket = Assert.Single((await _host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest(), Actor.System)).Items);
        Assert.Equal(("Switch down", "Network"), (ticket.Subject, ticket.TeamName));
    }

    [Fact]
    public async Task CustomerRepliesToOurMail_ReplyBecomesANoteOnTheTicket()
    {
        var agent = await _host.AddPersonAsync("Ann", MailStackServer.NewAddress(), PersonRoles.Agent);
        var caller = await _host.AddPersonAsync("Carl", MailStackServer.NewAddress("customer.test"));
        var ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Slow VPN", RequestedForId = caller.Id }, Actor.System);
        await using (var db = await _host.DbAsync())
            await db.Set<EmailAction>().ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActionStatus.Active));
        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = ticketId, Log = CaseLogKind.Public, Text = "Please reconnect and tell us.", SendEmail = true,
        }, CoreTestHost.AgentActor(agent));
        await _host.Get<OutboxSendStage>().ProcessDueAsync(default);
        var ours = Assert.Single(await MailStackServer.WaitForMessagesAsync(caller.PrimaryEmail, 1, TimeSpan.FromSeconds(10)));

        var reply = new MimeMessage();
        reply.From.Add(MailboxAddress.Parse(caller.PrimaryEmail));
        reply.To.Add(MailboxAddress.Parse(_account));
        reply.Subject = "Re: " + ours.Subject;
        reply.InReplyTo = ours.MessageId;
        reply.References.Add(ours.MessageId!);
        reply.Body = new TextPart("plain") { Text = "Reconnected, it is fast now." };
        await MailStackServer.SendAsync(reply);
        await MailStackServer.WaitForMessagesAsync(_account, 1, TimeSpan.FromSeconds(10));
        await FetchAndProcessAsync(_account);

        var log = (await _host.Get<TicketDetailsQuery>().ExecuteAsync(ticketId, Actor.System))!.PublicLog;
        Assert.Equal(("Reconnected, it is fast now.", EntryOrigin.Customer), (log[0].Html, log[0].Origin));
    }
}
