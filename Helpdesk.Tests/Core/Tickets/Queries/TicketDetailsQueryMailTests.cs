using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets.Queries;

/// <summary>Each case-log entry shows the mails that carried it: to whom and how far they got.</summary>
public sealed class TicketDetailsQueryMailTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Person _agent = default!;
    private int _ticketId;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test" });
        _agent = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
        _ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer on fire", RequestedForId = caller.Id, MemberId = _agent.Id }, Actor.System);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task SetActionStatusAsync(ActionStatus status)
    {
        await using var db = await _host.DbAsync();
        var action = await db.Set<EmailAction>().SingleAsync();
        action.Status = status;
        action.TestRecipient = "tester@helpdesk.test";
        await db.SaveChangesAsync();
    }

    private async Task<long> AppendAsync(bool sendEmail) =>
        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = _ticketId, Log = CaseLogKind.Public, Text = "The fire brigade is on its way.", SendEmail = sendEmail,
        }, CoreTestHost.AgentActor(_agent));

    private async Task<CaseLogEntryView> EntryAsync(long id) =>
        (await _host.Get<TicketDetailsQuery>().ExecuteAsync(_ticketId, Actor.System))!.PublicLog.Single(e => e.Id == id);

    [Fact]
    public async Task ExecuteAsync_EntrySentByEmail_ShowsRecipientQueuedThenSent()
    {
        await SetActionStatusAsync(ActionStatus.Active);
        var entryId = await AppendAsync(sendEmail: true);

        var queued = Assert.Single((await EntryAsync(entryId)).Mails);
        Assert.Equal(MailDeliveryState.Queued, queued.State);
        Assert.Contains("carl@customer.test", queued.To);

        await _host.Get<OutboxSendStage>().ProcessDueAsync(default);

        Assert.Equal(MailDeliveryState.Sent, Assert.Single((await EntryAsync(entryId)).Mails).State);
    }

    [Fact]
    public async Task ExecuteAsync_ActionInTest_ShowsTestStateWithTheTestRecipient()
    {
        await SetActionStatusAsync(ActionStatus.Test);
        var entryId = await AppendAsync(sendEmail: true);
        await _host.Get<OutboxSendStage>().ProcessDueAsync(default);

        var mail = Assert.Single((await EntryAsync(entryId)).Mails);
        Assert.Equal(MailDeliveryState.Test, mail.State);
        Assert.Contains("tester@helpdesk.test", mail.To);
    }

    [Fact]
    public async Task ExecuteAsync_EntryNotSentByEmail_HasNoMail()
    {
        await SetActionStatusAsync(ActionStatus.Active);

        var entryId = await AppendAsync(sendEmail: false);

        Assert.Empty((await EntryAsync(entryId)).Mails);
    }

    [Fact]
    public async Task ProcessDueAsync_MailSent_PublishesDeliveryChangeForItsTicket()
    {
        await SetActionStatusAsync(ActionStatus.Active);
        await AppendAsync(sendEmail: true);
        var changes = new List<TicketChanged>();
        using var subscription = _host.Get<ITicketChangeFeed>().Subscribe(c => { lock (changes) changes.Add(c); return Task.CompletedTask; });

        await _host.Get<OutboxSendStage>().ProcessDueAsync(default);

        await Eventually.WaitUntilAsync(() => { lock (changes) return changes.Any(c => c.Kind == TicketChangeKind.MailDeliveryChanged); });
        lock (changes) Assert.Contains(changes, c => c.TicketId == _ticketId && c.Kind == TicketChangeKind.MailDeliveryChanged);
    }
}
