using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>Templates and switches are read once per batch; an administrator's save reaches the next mail.</summary>
public sealed partial class InboundMailProcessorTests
{
    [Fact]
    public async Task ProcessPendingAsync_TemplateSavedBetweenMails_NextMailUsesTheNewTemplate()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await ReceivePendingAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Printer", "Jams."));

        await _host.Get<CorrespondenceTemplateCommands>().SaveAsync(CorrespondenceKind.NewTicketAutoresponse,
            "$this->ref$: saved wording", "<p>Saved body for $this->caller_id_friendlyname$.</p>");
        await ReceivePendingAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Scanner", "Streaks."));

        var autoresponses = (await OutboxAsync()).Where(m => m.Kind == NewTicketAutoresponse).ToList();
        Assert.Equal(2, autoresponses.Count);
        Assert.Contains("we received your request", autoresponses[0].Subject);
        Assert.Contains("saved wording", autoresponses[1].Subject);
        Assert.Contains("Saved body for Alice Walker.", autoresponses[1].HtmlBody);
    }

    [Fact]
    public async Task ProcessPendingAsync_AutoresponseSwitchedOffBetweenMails_NextMailGetsNone()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await ReceivePendingAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Printer", "Jams."));
        var settings = _host.Get<CorrespondenceSettings>();
        var switches = await settings.GetAsync();
        switches.NewTicketAutoresponseForEndUsers = false;

        await settings.SaveAsync(switches);
        await ReceivePendingAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Scanner", "Streaks."));

        Assert.Single(await OutboxAsync(), m => m.Kind == NewTicketAutoresponse);
    }

    /// <summary>Stores the mail and processes whatever is pending, as the mailbox loop does.</summary>
    private async Task ReceivePendingAsync(MimeKit.MimeMessage mail)
    {
        await _host.Get<InboundMailStore>().StoreAsync("test", Guid.NewGuid().ToString(), mail.Bytes(), default);
        await _host.Get<InboundMailProcessor>().ProcessPendingAsync(default);
    }
}
