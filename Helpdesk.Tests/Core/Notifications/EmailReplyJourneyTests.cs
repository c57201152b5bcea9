using System.Text;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.MailStack;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Helpdesk.Tests.Core.Notifications;

/// <summary>The email reply from the case log, end to end: console entry → outbox → real SMTP → the caller's real mailbox.</summary>
[Trait("Category", "MailStack")]
[Collection(MailServerOutage.Collection)]
public sealed class EmailReplyJourneyTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Person _agent = default!;
    private Person _caller = default!;
    private int _ticketId;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Outbound:Transport"] = "Smtp", ["Mail:Outbound:SmtpHost"] = MailStackServer.Host,
            ["Mail:Outbound:SmtpPort"] = MailStackServer.SmtpPort.ToString(), ["Mail:Outbound:SmtpSecurity"] = "None",
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
        });
        _agent = await _host.AddPersonAsync("Ann Agent", MailStackServer.NewAddress(), PersonRoles.Agent);
        _caller = await _host.AddPersonAsync("Carl Caller", MailStackServer.NewAddress("customer.test"));
        _ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer on fire", RequestedForId = _caller.Id, MemberId = _agent.Id }, Actor.System);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task SetStatusAsync(ActionStatus status, string? testRecipient = null)
    {
        await using var db = await _host.DbAsync();
        var action = await db.Set<EmailAction>().SingleAsync();
        action.Status = status;
        if (testRecipient is not null) action.TestRecipient = testRecipient;
        await db.SaveChangesAsync();
    }

    private async Task AppendAndSendAsync(bool sendEmail, params StagedFile[] files)
    {
        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = _ticketId, Log = CaseLogKind.Public, Text = "The fire brigade is on its way.", SendEmail = sendEmail, Files = files,
        }, CoreTestHost.AgentActor(_agent));
        await _host.Get<OutboxSendStage>().ProcessDueAsync(default);
    }

    [Fact]
    public async Task Agent_RepliesWithTwoAttachments_CallerReceivesOneMailWithEntryAndBothFiles()
    {
        await SetStatusAsync(ActionStatus.Active);
        var blobs = _host.Get<BlobStore>();
        var first = await blobs.StageAsync("evacuation-plan.pdf", "application/pdf", new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4 plan")), default);
        var second = await blobs.StageAsync("photo.jpg", "image/jpeg", new MemoryStream(new byte[2048]), default);

        await AppendAndSendAsync(sendEmail: true, first, second);

        var mail = Assert.Single(await MailStackServer.WaitForMessagesAsync(_caller.PrimaryEmail, 1, TimeSpan.FromSeconds(10)));
        Assert.Contains("The fire brigade is on its way.", mail.TextBody);
        Assert.Equal(_ticketId, Helpdesk.Core.Tickets.TicketNumber.FindIn(mail.Subject));
        Assert.Equal(["evacuation-plan.pdf", "photo.jpg"], mail.Attachments.OfType<MimePart>().Select(a => a.FileName));
    }

    [Fact]
    public async Task Agent_RepliesWithCheckboxOff_NoMailIsSent()
    {
        await SetStatusAsync(ActionStatus.Active);

        await AppendAndSendAsync(sendEmail: false);

        Assert.Empty(await MailStackServer.WaitForMessagesAsync(_caller.PrimaryEmail, 1, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task ActionInTest_OnlyTheTestRecipientReceivesIt()
    {
        var tester = MailStackServer.NewAddress();
        await SetStatusAsync(ActionStatus.Test, tester);

        await AppendAndSendAsync(sendEmail: true);

        Assert.Single(await MailStackServer.WaitForMessagesAsync(tester, 1, TimeSpan.FromSeconds(10)));
        Assert.Empty(await MailStackServer.ReadAllAsync(_caller.PrimaryEmail));
    }

    [Fact]
    public async Task PrivateLogTrigger_AssignedAgentReceivesTheInternalNote()
    {
        await using (var db = await _host.DbAsync())
        {
            var trigger = await db.Set<Trigger>().SingleAsync();
            trigger.LogAttribute = "private_log";
            var action = await db.Set<EmailAction>().SingleAsync();
            action.Status = ActionStatus.Active;
            action.To = "SELECT Person WHERE id = :this->agent_id";
            action.BodyTemplate = "<p>Internal note on $this->ref$:</p>$this->head(private_log)$";
            await db.SaveChangesAsync();
        }
        var colleague = await _host.AddPersonAsync("Colin Colleague", MailStackServer.NewAddress(), PersonRoles.Agent);

        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = _ticketId, Log = CaseLogKind.Private, Text = "Check the fuser unit first.", SendEmail = true,
        }, CoreTestHost.AgentActor(colleague));
        await _host.Get<OutboxSendStage>().ProcessDueAsync(default);

        // The agent also gets the automatic internal-note alert; the email action's mail is the one with the ticket's subject.
        var mails = await MailStackServer.WaitForMessagesAsync(_agent.PrimaryEmail, 2, TimeSpan.FromSeconds(10));
        var mail = Assert.Single(mails, m => m.Subject == $"HD-{_ticketId}: Printer on fire");
        Assert.Contains("Check the fuser unit first.", mail.TextBody);
        Assert.Empty(await MailStackServer.ReadAllAsync(_caller.PrimaryEmail));
    }

    [Fact]
    public async Task SmtpStoppedDuringTheSend_EntryIsSavedAndTheMailArrivesOnceAfterTheServerIsBack()
    {
        await SetStatusAsync(ActionStatus.Active);
        await MailStackServer.SmtpDownAsync();
        try
        {
            await AppendAndSendAsync(sendEmail: true);

            await using var db = await _host.DbAsync();
            Assert.Single(await db.Set<CaseLogEntry>().Where(e => e.TicketId == _ticketId && e.Log == CaseLogKind.Public).ToListAsync());
            var waiting = await db.Set<OutboxMessage>().SingleAsync(m => m.Kind == "email_action");
            Assert.Equal((OutboxStatus.Pending, 1), (waiting.Status, waiting.Attempts));
            Assert.Contains("not reachable", waiting.LastError);
        }
        finally
        {
            await MailStackServer.SmtpUpAsync();
        }

        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await _host.Get<OutboxSendStage>().ProcessDueAsync(default);
        await _host.Get<OutboxSendStage>().ProcessDueAsync(default);

        var received = Assert.Single(await MailStackServer.WaitForMessagesAsync(_caller.PrimaryEmail, 2, TimeSpan.FromSeconds(3)));
        Assert.Contains("The fire brigade is on its way.", received.TextBody);
        await using var after = await _host.DbAsync();
        var sent = await after.Set<OutboxMessage>().SingleAsync(m => m.Kind == "email_action");
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
    }
}
