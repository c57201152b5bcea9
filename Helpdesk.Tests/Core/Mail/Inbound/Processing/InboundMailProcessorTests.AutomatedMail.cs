using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>Automated mail is processed like any other mail, but never gets an automatic answer.</summary>
public sealed partial class InboundMailProcessorTests
{
    private static readonly string NewTicketAutoresponse = CorrespondenceMail.Kind(CorrespondenceKind.NewTicketAutoresponse);

    private static MimeMessage Automated(MimeMessage mail, string header, string value)
    {
        mail.Headers.Add(header, value);
        return mail;
    }

    [Fact]
    public async Task ProcessAsync_HumanMail_GetsTheNewTicketAutoresponse()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");

        await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Printer", "Jams."));

        Assert.Contains(await OutboxAsync(), m => m.Kind == NewTicketAutoresponse && m.To.Contains("alice@customer.test"));
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("X-Auto-Response-Suppress", "DR, RN, NRN")]
    [InlineData("Precedence", "bulk")]
    public async Task ProcessAsync_MonitoringMailMarkedAutomated_CreatesRequestWithoutAutoresponse(string header, string value)
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);

        var row = await ReceiveAsync(Automated(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "web01 down", "HTTP failed."), header, value));

        Assert.Equal(InboundStatus.Processed, row.Status);
        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal("web01 down", ticket.Subject);
        Assert.Contains("No automatic answer was sent", row.Outcome);
        Assert.Contains(ticket.Audit, a => a.Note != null && a.Note.StartsWith("No automatic answer was sent: automated mail"));
        var outbox = await OutboxAsync();
        Assert.DoesNotContain(outbox, m => m.Kind.StartsWith("autoresponse:") || m.To.Contains("nnm@monitoring.test"));
        Assert.Contains(outbox, m => m.Kind == CorrespondenceMail.Kind(CorrespondenceKind.NewTicketAlert)); // agents are still told
    }

    [Fact]
    public async Task ProcessAsync_ListMail_CreatesRequestWithoutAutoresponse()
    {
        await _host.AddPersonAsync("Vendor News", "news@vendor.test");

        var row = await ReceiveFixtureAsync("mailing-list.eml");

        Assert.Equal(InboundStatus.Processed, row.Status);
        Assert.Equal("Our November newsletter", (await TicketAsync(row.TicketId)).Subject);
        Assert.Contains("mailing-list message", row.Outcome);
        Assert.DoesNotContain(await OutboxAsync(), m => m.Kind.StartsWith("autoresponse:") || m.To.Contains("news@vendor.test"));
    }

    [Fact]
    public async Task ProcessAsync_AutomatedReplyToTicket_AddsNoteWithoutNewMessageAutoresponse()
    {
        var nagios = await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        var ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "web01", RequestedForId = nagios.Id }, Actor.System);

        var row = await ReceiveAsync(Automated(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", $"HD-{ticketId} web01", "Recovered."), "Auto-Submitted", "auto-generated"));

        Assert.Equal((InboundStatus.Processed, (int?)ticketId), (row.Status, row.TicketId));
        Assert.Equal("Recovered.", (await TicketAsync(ticketId)).PublicLog.First().Html);
        Assert.DoesNotContain(await OutboxAsync(), m => m.Kind == CorrespondenceMail.Kind(CorrespondenceKind.NewMessageAutoresponse));
    }

    [Fact]
    public async Task ProcessAsync_AutomatedMailFromUnknownSender_IsRejectedWithoutNotice()
    {
        var row = await ReceiveAsync(Automated(InboundTestMail.Create("robot@else.test", "support@helpdesk.test", "Alert", "x"), "Auto-Submitted", "auto-generated"));

        Assert.Equal(InboundStatus.Ignored, row.Status);
        Assert.Contains("no person has the address robot@else.test", row.Outcome);
        Assert.Contains("No automatic answer was sent", row.Outcome);
        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task ProcessAsync_AutomatedMailOverTheOpenTicketLimit_IsRefusedSilentlyWithARecord()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test", ["Correspondence:MaxOpenTicketsPerUser"] = "1",
        });
        await host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "One", "first"), host);

        var refused = await ReceiveAsync(Automated(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Two", "second"), "Auto-Submitted", "auto-generated"), host);

        Assert.Equal((InboundStatus.Ignored, (int?)null), (refused.Status, refused.TicketId));
        Assert.Contains("the limit is 1", refused.Outcome);
        Assert.Contains("No automatic answer was sent", refused.Outcome);
        await using var db = await host.DbAsync();
        Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.Kind == CorrespondenceMail.Kind(CorrespondenceKind.OverlimitNotice)));
    }

    /// <returns>The Message-ID of a mail the helpdesk queued to Alice, bracketed.</returns>
    private async Task<string> AliceAndOurMailToHerAsync()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await using (var db = await _host.DbAsync())
        {
            db.Add(OutboxMail.Create("autoresponse:NewTicketAutoresponse", null, "support@helpdesk.test",
                [new OutboxRecipient("alice@customer.test", null, "test")], "Hello", "x", null, "helpdesk.test", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        return (await OutboxAsync()).Single().MessageId;
    }

    [Fact]
    public async Task ProcessAsync_MailCarryingOurOwnMessageId_IsIgnoredAsLoop()
    {
        var ours = await AliceAndOurMailToHerAsync();

        var row = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Hello", "x", messageId: ours.Trim('<', '>')));

        Assert.Equal((InboundStatus.Ignored, (int?)null), (row.Status, row.TicketId));
        Assert.Contains("Message-ID of a mail the helpdesk sent", row.Outcome);
    }

    [Fact]
    public async Task ProcessPendingAsync_OneMailOfTheBatchCarriesOurOwnMessageId_OnlyThatOneIsIgnored()
    {
        var ours = await AliceAndOurMailToHerAsync();
        var store = _host.Get<InboundMailStore>();
        var before = (await store.StoreAsync("test", "1", InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Before", "x").Bytes(), default)).Id;
        var loop = (await store.StoreAsync("test", "2",
            InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Hello", "x", messageId: ours.Trim('<', '>')).Bytes(), default)).Id;
        var after = (await store.StoreAsync("test", "3", InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "After", "x").Bytes(), default)).Id;

        await _host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        await using var read = await _host.DbAsync();
        var rows = await read.Set<InboundMessage>().AsNoTracking().ToDictionaryAsync(m => m.Id);
        Assert.Equal((InboundStatus.Ignored, (int?)null), (rows[loop].Status, rows[loop].TicketId));
        Assert.Contains("Message-ID of a mail the helpdesk sent", rows[loop].Outcome);
        Assert.Equal([InboundStatus.Processed, InboundStatus.Processed], new[] { rows[before].Status, rows[after].Status });
        Assert.Equal(["After", "Before"], await read.Set<Ticket>().Select(t => t.Subject).OrderBy(s => s).ToListAsync());
    }
}
