using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Correspondence.LoginFailures;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Correspondence;

public sealed class SystemAlertsTests
{
    private const CorrespondenceKind FetchFails = CorrespondenceKind.SystemMailFetchFails;

    private static Task<CoreTestHost> StartAsync(params (string Key, string Value)[] settings) =>
        CoreTestHost.StartAsync(settings: settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private static async Task<List<OutboxMessage>> AlertsAsync(CoreTestHost host, string kind = "system_alert")
    {
        await using var db = await host.DbAsync();
        return await db.Set<OutboxMessage>().Where(m => m.Kind == kind).ToListAsync();
    }

    [Fact]
    public async Task RaiseAsync_SameEpisode_MailsOnceUntilResolvedAndRateLimited()
    {
        await using var host = await StartAsync(("Correspondence:AdminEmail", "root@helpdesk.test"));
        var alerts = host.Get<SystemAlerts>();

        Assert.True(await alerts.RaiseAsync("fetch:inbox", FetchFails, new SystemAlertFacts("timeout", Source: "inbox")));
        Assert.False(await alerts.RaiseAsync("fetch:inbox", FetchFails, new SystemAlertFacts("timeout again", Source: "inbox")));
        await alerts.ResolveAsync("fetch:inbox");
        Assert.False(await alerts.RaiseAsync("fetch:inbox", FetchFails, new SystemAlertFacts("within the hour", Source: "inbox")));
        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await alerts.RaiseAsync("fetch:inbox", FetchFails, new SystemAlertFacts("a new episode", Source: "inbox")));

        var mails = await AlertsAsync(host);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("root@helpdesk.test", m.To));
    }

    [Fact]
    public async Task RaiseAsync_EditedTemplate_WordsTheNextAlertWithItsValues()
    {
        await using var host = await StartAsync(("Correspondence:AdminEmail", "root@helpdesk.test"));
        await host.Get<CorrespondenceTemplateCommands>().SaveAsync(FetchFails,
            "ALERT $alert->source$", "<p>Box $alert->source$ broke at $alert->time$: $alert->reason$ (retry within $alert->interval$)</p>");

        await host.Get<SystemAlerts>().RaiseAsync("fetch:inbox", FetchFails, new SystemAlertFacts("connection refused", Source: "inbox"));

        var mail = Assert.Single(await AlertsAsync(host));
        var now = host.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal("ALERT inbox", mail.Subject);
        Assert.Equal($"<p>Box inbox broke at {now:yyyy-MM-dd HH:mm} UTC: connection refused (retry within 01:00:00)</p>", mail.HtmlBody);
        Assert.Contains($"Box inbox broke at {now:yyyy-MM-dd HH:mm} UTC: connection refused", mail.TextBody);
    }

    [Fact]
    public async Task SendStage_ServerDown_RaisesOneSendAlert()
    {
        await using var host = await StartAsync(("Mail:Outbound:Transport", "Smtp"), ("Mail:Outbound:SmtpHost", "127.0.0.1"), ("Mail:Outbound:SmtpPort", "1"));
        await using (var db = await host.DbAsync())
        {
            var now = host.Clock.GetUtcNow().UtcDateTime;
            db.Add(OutboxMail.Create("test", null, "support@helpdesk.test", [new OutboxRecipient("a@x.test", null, "test")], "s", "b", null, "helpdesk.test", now));
            await db.SaveChangesAsync();
        }

        await host.Get<OutboxSendStage>().ProcessDueAsync(default);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.Get<OutboxSendStage>().ProcessDueAsync(default);

        Assert.Equal("[Helpdesk system alert] Sending mail fails", Assert.Single(await AlertsAsync(host)).Subject);
    }

    [Fact]
    public async Task LoginFailureMonitor_ThresholdInWindow_RaisesAlertOnce()
    {
        await using var host = await StartAsync(("Correspondence:FailedLoginThreshold", "3"));
        var monitor = host.Get<LoginFailureMonitor>();

        Assert.False(await monitor.RecordFailureAsync("ann@helpdesk.test", "10.0.0.9"));
        host.Clock.Advance(TimeSpan.FromMinutes(20)); // outside the window: the first failure no longer counts
        Assert.False(await monitor.RecordFailureAsync("ann@helpdesk.test", "10.0.0.9"));
        Assert.False(await monitor.RecordFailureAsync("ann@helpdesk.test", "10.0.0.9"));
        Assert.True(await monitor.RecordFailureAsync("ANN@helpdesk.test", "10.0.0.9"));
        Assert.False(await monitor.RecordFailureAsync("ann@helpdesk.test", "10.0.0.9"));

        Assert.Equal("[Helpdesk system alert] Excessive failed logins", Assert.Single(await AlertsAsync(host)).Subject);
    }

    [Fact]
    public async Task Inbound_RequesterAtOpenTicketLimit_IsRefusedWithOverlimitNotice()
    {
        await using var host = await StartAsync(("Correspondence:MaxOpenTicketsPerUser", "1"), ("Mail:Inbound:AccountAddress", "support@helpdesk.test"));
        await host.AddPersonAsync("Alice", "alice@customer.test");
        var store = host.Get<InboundMailStore>();
        var processor = host.Get<InboundMailProcessor>();

        var (first, _) = await store.StoreAsync("t", "1", InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "One", "first").Bytes(), default);
        var (second, _) = await store.StoreAsync("t", "2", InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Two", "second").Bytes(), default);
        await processor.ProcessAsync(first, default);
        await processor.ProcessAsync(second, default);

        await using var db = await host.DbAsync();
        var refused = await db.Set<InboundMessage>().SingleAsync(m => m.Id == second);
        Assert.Equal(InboundStatus.Ignored, refused.Status);
        Assert.Contains("the limit is 1", refused.Outcome);
        var notice = Assert.Single(await AlertsAsync(host, CorrespondenceMail.Kind(CorrespondenceKind.OverlimitNotice)));
        Assert.Contains("maximum number of open requests", notice.TextBody);
    }

    [Fact]
    public async Task Inbound_CcOfKnownPerson_BecomesCollaboratorAndGetsReplyAllAutoresponse()
    {
        await using var host = await StartAsync(("Mail:Inbound:AccountAddress", "support@helpdesk.test"), ("Correspondence:NewMessageAutoresponseToCollaborators", "true"));
        await host.AddPersonAsync("Alice", "alice@customer.test");
        await host.AddPersonAsync("Bob", "bob@customer.test");
        var mail = InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Shared", "please help");
        mail.Cc.Add(MimeKit.MailboxAddress.Parse("bob@customer.test"));
        var (id, _) = await host.Get<InboundMailStore>().StoreAsync("t", "cc", mail.Bytes(), default);
        await host.Get<InboundMailProcessor>().ProcessAsync(id, default);
        int ticketId;
        await using (var db = await host.DbAsync())
        {
            ticketId = (await db.Set<InboundMessage>().SingleAsync(m => m.Id == id)).TicketId!.Value;
            Assert.Single(await db.Set<TicketCollaborator>().Where(c => c.TicketId == ticketId).ToListAsync());
        }

        var reply = InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", $"Re: HD-{ticketId}", "more details");
        var (replyId, _) = await host.Get<InboundMailStore>().StoreAsync("t", "reply", reply.Bytes(), default);
        await host.Get<InboundMailProcessor>().ProcessAsync(replyId, default);

        var response = Assert.Single(await AlertsAsync(host, CorrespondenceMail.Kind(CorrespondenceKind.NewMessageAutoresponse)));
        Assert.Equal(("\"Alice\" <alice@customer.test>", "\"Bob\" <bob@customer.test>"), (response.To, response.Cc));
    }
}
