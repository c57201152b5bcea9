using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Outbound.MailOut;

/// <summary>Triggers and built-in correspondence through the one composer: each address once per event, one threading, failures kept.</summary>
public sealed class MailOutComposerTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Person _agent = default!;
    private Person _caller = default!;
    private int _ticketId;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Helpdesk:PublicUrl"] = "https://hd.example.test",
            ["Correspondence:AdminEmail"] = "admin@helpdesk.test",
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
        });
        _agent = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        _caller = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
        _ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down", RequestedForId = _caller.Id, MemberId = _agent.Id }, Actor.System);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    private string Root => $"<ticket-{_ticketId}@hd.example.test>";

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task AddTriggerAsync(string name, TriggerKind kind, string to, string body = "<p>$this->title$</p>")
    {
        await using var db = await _host.DbAsync();
        db.Add(new Trigger
        {
            Name = name, Kind = kind,
            Actions = [new EmailAction { Name = name + " mail", Status = ActionStatus.Active, To = to, SubjectTemplate = "About $this->title$", BodyTemplate = body }],
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The seeded trigger of agents' public replies, made Active (it starts in Test status).</summary>
    private async Task ActivateReplyTriggerAsync(string? body = null)
    {
        await using var db = await _host.DbAsync();
        var action = await db.Set<EmailAction>().SingleAsync();
        action.Status = ActionStatus.Active;
        if (body is not null) action.BodyTemplate = body;
        await db.SaveChangesAsync();
    }

    private Task<long> CustomerWritesAsync(string? messageId = null) =>
        _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = _ticketId, Log = CaseLogKind.Public, Text = "Still down.", Origin = EntryOrigin.Customer, SourceMessageId = messageId,
        }, new Actor(_caller.Id, _caller.Name, ActorKind.Customer));

    private Task<long> AgentRepliesAsync() =>
        _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = _ticketId, Log = CaseLogKind.Public, Text = "We reset your VPN profile.", SendEmail = true,
        }, CoreTestHost.AgentActor(_agent));

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = await _host.DbAsync();
        return await db.Set<OutboxMessage>().OrderBy(m => m.Id).ToListAsync();
    }

    private static bool Reaches(OutboxMessage m, string address) =>
        $"{m.To},{m.Cc},{m.Bcc}".Contains(address, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task CustomerMessage_TriggerAndBuiltInAlertReachTheAgent_TheAgentGetsOnlyTheTriggersMail()
    {
        await AddTriggerAsync("Tell the agent", TriggerKind.OnCustomerUpdate, "SELECT Person WHERE id = :this->agent_id");
        var before = (await OutboxAsync()).Count;

        await CustomerWritesAsync();

        var mails = (await OutboxAsync()).Skip(before).ToList();
        var toAgent = Assert.Single(mails, m => Reaches(m, "ann@helpdesk.test"));
        Assert.Equal("email_action", toAgent.Kind);
        Assert.DoesNotContain(mails, m => m.Kind == CorrespondenceMail.Kind(CorrespondenceKind.NewMessageAlert));
        // Addresses the trigger does not reach keep their built-in message.
        Assert.Contains(mails, m => m.Kind == CorrespondenceMail.Kind(CorrespondenceKind.NewMessageAutoresponse) && Reaches(m, "carl@customer.test"));
    }

    [Fact]
    public async Task CustomerMessage_TwoTriggersReachTheAgent_OneMailFromTheFirstTrigger()
    {
        await AddTriggerAsync("First", TriggerKind.OnCustomerUpdate, "SELECT Person WHERE id = :this->agent_id");
        await AddTriggerAsync("Second", TriggerKind.OnCustomerUpdate, "SELECT Person WHERE id = :this->agent_id");
        var before = (await OutboxAsync()).Count;

        await CustomerWritesAsync();

        var toAgent = Assert.Single((await OutboxAsync()).Skip(before), m => Reaches(m, "ann@helpdesk.test"));
        Assert.Equal("First", await TriggerNameAsync(toAgent.TriggerId));
    }

    private async Task<string> TriggerNameAsync(int? triggerId)
    {
        await using var db = await _host.DbAsync();
        return await db.Set<Trigger>().Where(t => t.Id == triggerId).Select(t => t.Name).SingleAsync();
    }

    [Fact]
    public async Task Preview_BuiltInAlertToAnAddressATriggerCovers_SaysSo()
    {
        await AddTriggerAsync("Tell the agent", TriggerKind.OnCustomerUpdate, "SELECT Person WHERE id = :this->agent_id");

        var preview = await _host.Get<CorrespondenceTemplateCommands>().PreviewAsync(CorrespondenceKind.NewMessageAlert, _ticketId);

        var line = Assert.Single(preview.CoveredByTriggers);
        Assert.Equal("ann@helpdesk.test: also covered by trigger \"Tell the agent\" (email action \"Tell the agent mail\"); this address gets one mail, the trigger's.", line);
    }

    [Fact]
    public async Task AgentReply_AfterTheCustomersMail_AnswersThatMailInTheTicketsThread()
    {
        await ActivateReplyTriggerAsync();
        var before = await OutboxAsync();
        await CustomerWritesAsync("<m1@customer.test>");
        _host.Clock.Advance(TimeSpan.FromMinutes(1));

        await AgentRepliesAsync();

        var reply = (await OutboxAsync()).Last();
        Assert.Equal(("email_action", "<m1@customer.test>"), (reply.Kind, reply.InReplyTo));
        // The root, our mails before the customer's (the new-ticket alert), then the customer's mail: not the alerts that answered it.
        Assert.Equal([Root, .. before.Select(m => m.MessageId), "<m1@customer.test>"], reply.References!.Split(' '));
    }

    [Fact]
    public async Task AgentReply_AfterOurOwnReply_AnswersOurReply()
    {
        await ActivateReplyTriggerAsync();
        await AgentRepliesAsync();
        var first = (await OutboxAsync()).Last();
        _host.Clock.Advance(TimeSpan.FromMinutes(1));

        await AgentRepliesAsync();

        var second = (await OutboxAsync()).Last();
        Assert.NotEqual(first.MessageId, second.MessageId);
        Assert.Equal(first.MessageId, second.InReplyTo);
        var references = second.References!.Split(' ');
        Assert.Equal((Root, first.MessageId), (references[0], references[^1]));
    }

    [Fact]
    public async Task AgentReply_TemplateDoesNotRender_EntrySavedAndAFailedMailWithTheReason()
    {
        await ActivateReplyTriggerAsync(body: "<p>$this->no_such_field$</p>");

        var entryId = await AgentRepliesAsync();

        await using var db = await _host.DbAsync();
        Assert.True(await db.Set<CaseLogEntry>().AnyAsync(e => e.Id == entryId));
        var mail = await db.Set<OutboxMessage>().SingleAsync(m => m.CaseLogEntryId == entryId);
        Assert.Equal(OutboxStatus.Failed, mail.Status);
        Assert.Contains("could not be rendered", mail.LastError);
        Assert.Contains("no_such_field", mail.LastError);
        var delivery = MailDeliveryView.From(mail);
        Assert.Equal((MailDeliveryState.Failed, mail.LastError), (delivery.State, delivery.Problem));
        await Assert.ThrowsAsync<ValidationFailedException>(() => _host.Get<ResendOutboxMessageCommand>().ExecuteAsync(mail.Id));
    }

    [Fact]
    public async Task CustomerMessage_TriggersRecipientQueryNoLongerValid_TheMessageIsSavedAndTheMailFailsWithTheReason()
    {
        await AddTriggerAsync("Broken", TriggerKind.OnCustomerUpdate, "SELECT Person WHERE shoe_size = 3");

        var entryId = await CustomerWritesAsync();

        var mail = Assert.Single(await OutboxAsync(), m => m.Kind == "email_action");
        Assert.Equal((OutboxStatus.Failed, entryId), (mail.Status, mail.CaseLogEntryId));
        Assert.Contains("shoe_size", mail.LastError);
    }
}
