using System.Text;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Tests.Core.Notifications;

public sealed class NotificationEngineTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Person _agent = default!;
    private Person _caller = default!;
    private int _ticketId;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Helpdesk:PublicUrl"] = "https://hd.example.test" });
        _agent = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        _caller = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
        _ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down", RequestedForId = _caller.Id, MemberId = _agent.Id }, Actor.System);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<int> SetActionAsync(ActionStatus status, string to = "SELECT Person WHERE id = :this->caller_id", string log = "public_log", string? cc = null)
    {
        await using var db = await _host.DbAsync();
        var trigger = await db.Set<Trigger>().Include(t => t.Actions).SingleAsync();
        trigger.LogAttribute = log;
        var action = trigger.Actions.Single();
        action.Status = status;
        action.To = to;
        action.Cc = cc;
        await db.SaveChangesAsync();
        return action.Id;
    }

    private async Task AppendAsync(CaseLogKind log, bool sendEmail, EntryOrigin origin = EntryOrigin.Console, params StagedFile[] files) =>
        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = _ticketId, Log = log, Text = "We reset your VPN profile.", SendEmail = sendEmail, Origin = origin, Files = files,
        }, origin == EntryOrigin.Customer ? new Actor(_caller.Id, _caller.Name, ActorKind.Customer) : CoreTestHost.AgentActor(_agent));

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = await _host.DbAsync();
        return await db.Set<OutboxMessage>().Where(m => m.Kind == "email_action").OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task Start_FreshInstall_SeedsTestStatusLogTriggerToTheCallerWithTheContactsInCc()
    {
        await using var db = await _host.DbAsync();
        var trigger = await db.Set<Trigger>().Include(t => t.Actions).SingleAsync();

        Assert.Equal((TriggerKind.OnLogUpdate, "public_log"), (trigger.Kind, trigger.LogAttribute));
        var action = Assert.Single(trigger.Actions);
        Assert.Equal((ActionStatus.Test, "test-recipient@example.invalid", "SELECT Person WHERE id = :this->caller_id"), (action.Status, action.TestRecipient, action.To));
        Assert.Equal("SELECT Person WHERE id IN :this->contacts_list", action.Cc);
        Assert.Contains("$this->head(public_log)$", action.BodyTemplate);
    }

    [Fact]
    public async Task Append_ActiveActionWithTwoFiles_QueuesOneReplyToTheCallerWithTheFiles()
    {
        await SetActionAsync(ActionStatus.Active);
        var blobs = _host.Get<BlobStore>();
        var a = await blobs.StageAsync("vpn.log", "text/plain", new MemoryStream(Encoding.UTF8.GetBytes("log")), default);
        var b = await blobs.StageAsync("howto.pdf", "application/pdf", new MemoryStream([1, 2, 3]), default);

        await AppendAsync(CaseLogKind.Public, sendEmail: true, files: [a, b]);

        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal("\"Carl Caller\" <carl@customer.test>", mail.To);
        Assert.Equal($"HD-{_ticketId}: VPN down", mail.Subject);
        Assert.DoesNotContain("Dear", mail.HtmlBody);
        Assert.Contains($"Your reference: HD-{_ticketId}. Reply to this mail", mail.HtmlBody);
        Assert.DoesNotContain("/tickets/", mail.HtmlBody);
        Assert.Contains("We reset your VPN profile.", mail.TextBody);
        Assert.Equal(["vpn.log", "howto.pdf"], mail.Attachments.Select(x => x.FileName));
        Assert.StartsWith($"<ticket-{_ticketId}@hd.example.test>", mail.References);
        Assert.False(mail.AutoSubmitted);
        Assert.Contains("carl@customer.test: To — SELECT Person WHERE id = :this->caller_id", mail.RecipientReasons);
    }

    [Fact]
    public async Task Append_CheckboxOff_QueuesNothing()
    {
        await SetActionAsync(ActionStatus.Active);

        await AppendAsync(CaseLogKind.Public, sendEmail: false);

        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task Append_TestStatus_GoesOnlyToTheTestRecipient()
    {
        await AppendAsync(CaseLogKind.Public, sendEmail: true);

        var mail = Assert.Single(await OutboxAsync());
        Assert.True(mail.IsTest);
        Assert.Equal("\"test-recipient@example.invalid\" <test-recipient@example.invalid>", mail.To);
        Assert.DoesNotContain("carl@", mail.To + mail.Cc + mail.Bcc);
    }

    [Fact]
    public async Task Append_InactiveAction_QueuesNothingAndEmailReplyIsUnavailable()
    {
        await SetActionAsync(ActionStatus.Inactive);

        await AppendAsync(CaseLogKind.Public, sendEmail: true);

        Assert.Empty(await OutboxAsync());
        Assert.Empty(await _host.Get<EmailReplyAvailability>().AvailableLogsAsync(_ticketId));
    }

    [Theory]
    [InlineData("title LIKE 'VPN%'", true)]
    [InlineData("title LIKE 'Printer%' OR status = 'closed'", false)]
    public async Task Append_TriggerWithFilter_OffersAndSendsEmailOnlyWhenTheTicketMatches(string filter, bool matches)
    {
        await SetActionAsync(ActionStatus.Active);
        await using (var db = await _host.DbAsync())
            await db.Set<Trigger>().ExecuteUpdateAsync(s => s.SetProperty(t => t.Filter, filter));

        var available = await _host.Get<EmailReplyAvailability>().AvailableLogsAsync(_ticketId);
        await AppendAsync(CaseLogKind.Public, sendEmail: true);

        Assert.Equal(matches, available.Contains(CaseLogKind.Public));
        Assert.Equal(matches ? 1 : 0, (await OutboxAsync()).Count);
    }

    [Fact]
    public async Task Append_PrivateLogTrigger_GoesToTheAssignedAgentOnly()
    {
        await SetActionAsync(ActionStatus.Active, to: "SELECT Person WHERE id = :this->agent_id", log: "private_log");

        await AppendAsync(CaseLogKind.Public, sendEmail: true);
        await AppendAsync(CaseLogKind.Private, sendEmail: true);

        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal("\"Ann Agent\" <ann@helpdesk.test>", mail.To);
        Assert.Equal([CaseLogKind.Private], await _host.Get<EmailReplyAvailability>().AvailableLogsAsync(_ticketId));
    }

    private async Task AddCustomerUpdateTriggerAsync()
    {
        await using var db = await _host.DbAsync();
        db.Add(new Trigger
        {
            Name = "Customer replied", Kind = TriggerKind.OnCustomerUpdate,
            Actions = [new EmailAction { Name = "Tell the agent", Status = ActionStatus.Active, To = "SELECT Person WHERE id = :this->agent_id", SubjectTemplate = "Reply on $this->ref$", BodyTemplate = "$this->head(public_log)$" }],
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Append_FromCustomer_NeverFiresLogUpdateButFiresCustomerUpdate()
    {
        await SetActionAsync(ActionStatus.Active);
        await AddCustomerUpdateTriggerAsync();

        await AppendAsync(CaseLogKind.Public, sendEmail: true, origin: EntryOrigin.Customer);

        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal("\"Ann Agent\" <ann@helpdesk.test>", mail.To);
        Assert.True(mail.AutoSubmitted);
    }

    [Fact]
    public async Task InboundReplyFromCustomer_NeverFiresLogUpdateButFiresCustomerUpdate()
    {
        await SetActionAsync(ActionStatus.Active);
        await AddCustomerUpdateTriggerAsync();
        var reply = InboundTestMail.Create(_caller.PrimaryEmail, _host.Get<IOptions<InboundMailOptions>>().Value.AccountAddress, $"Re: [{TicketNumber.Format(_ticketId)}] VPN down", "Still down here.");
        var (row, _) = await _host.Get<InboundMailStore>().StoreAsync("test", "1", reply.Bytes(), default);

        await _host.Get<InboundMailProcessor>().ProcessAsync(row, default);

        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal("\"Ann Agent\" <ann@helpdesk.test>", mail.To);
        Assert.Contains($"Reply on {TicketNumber.Format(_ticketId)}", mail.Subject);
    }

    [Fact]
    public async Task Append_TeamMembersAndCcOverlap_EachAddressOnce()
    {
        await using (var db = await _host.DbAsync())
        {
            var bob = new Person { Name = "Bob Tech", PrimaryEmail = "bob@helpdesk.test", Roles = PersonRoles.Agent };
            var agent = await db.Set<Person>().SingleAsync(p => p.Id == _agent.Id);
            var team = new Team { Name = "Network", Members = [agent, bob] };
            db.Add(team);
            await db.SaveChangesAsync();
            await db.Set<Helpdesk.Core.Tickets.Ticket>().Where(t => t.Id == _ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.TeamId, team.Id));
        }
        await SetActionAsync(ActionStatus.Active, to: "SELECT Person WHERE team_id = :this->team_id", cc: "SELECT Person WHERE id = :this->agent_id OR email LIKE 'bob@%'");

        await AppendAsync(CaseLogKind.Public, sendEmail: true);

        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal("\"Ann Agent\" <ann@helpdesk.test>, \"Bob Tech\" <bob@helpdesk.test>", mail.To);
        Assert.Equal("", mail.Cc);
    }

    [Fact]
    public async Task Append_EntryRejected_QueuesNoMail()
    {
        await SetActionAsync(ActionStatus.Active);

        await Assert.ThrowsAsync<ValidationFailedException>(() => _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(
            new NewCaseLogEntry { TicketId = _ticketId, Log = CaseLogKind.Public, Text = "", SendEmail = true }, CoreTestHost.AgentActor(_agent)));

        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task SaveEmailAction_BadQueryAndTemplate_RefusedWithPositions()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => _host.Get<SaveEmailActionCommand>().ExecuteAsync(new EmailActionInput(
            null, "Broken", ActionStatus.Active, null, null, null, "SELECT Person WHERE id = ", null, null, "Hi $this->nope$", "ok")));

        Assert.Equal("Expected a value, found the end of the query (at position 26)", error.Errors["to"]);
        Assert.Equal("Unknown placeholder '$this->nope$' (at position 4)", error.Errors["subjectTemplate"]);
    }

    [Fact]
    public async Task Preview_ActiveAction_ShowsRenderedMailAndWhyEachRecipient()
    {
        var actionId = await SetActionAsync(ActionStatus.Active, cc: "SELECT Person WHERE id = :this->agent_id");

        var preview = await _host.Get<NotificationPreviewQuery>().ExecuteAsync(actionId, _ticketId);

        var recipients = preview.WhenActive.Recipients;
        Assert.Equal([("carl@customer.test", "To"), ("ann@helpdesk.test", "Cc")], recipients.Select(r => (r.Address, r.Field)));
        Assert.Equal($"SELECT Person WHERE id = :this->agent_id, where :this->agent_id is {_agent.Id} (Ann Agent)", recipients[1].Why);
        Assert.Null(preview.StatusNote);
        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task Preview_ActionInTest_ShowsWhoWouldReceiveItOnceActiveAndWhoGetsItNow()
    {
        var actionId = await SetActionAsync(ActionStatus.Test);

        var preview = await _host.Get<NotificationPreviewQuery>().ExecuteAsync(actionId, _ticketId);

        Assert.Equal(ActionStatus.Test, preview.Status);
        Assert.Equal(["carl@customer.test"], preview.WhenActive.Recipients.Select(r => r.Address));
        Assert.Contains("only the test recipient", preview.StatusNote);
        Assert.Empty(await OutboxAsync());
    }

    [Theory]
    [InlineData(TriggerKind.OnCreate)]
    [InlineData(TriggerKind.OnAssignment)]
    [InlineData(TriggerKind.OnTransfer)]
    public async Task LifecycleTrigger_ItsEventHappens_ItsActionMailsOnceAndOnlyThen(TriggerKind kind)
    {
        int triggerId, departmentId;
        await using (var db = await _host.DbAsync())
        {
            var trigger = new Trigger
            {
                Name = kind.ToString(), Kind = kind,
                Actions = [new EmailAction { Name = "Tell the caller", Status = ActionStatus.Active, To = "SELECT Person WHERE id = :this->caller_id", SubjectTemplate = "$this->ref$ changed", BodyTemplate = "$this->title$" }],
            };
            var department = new Helpdesk.Core.Departments.Department { Name = "Facilities" };
            db.AddRange(trigger, department);
            await db.SaveChangesAsync();
            (triggerId, departmentId) = (trigger.Id, department.Id);
        }
        var other = await _host.AddPersonAsync("Olga Other", "olga@helpdesk.test", PersonRoles.Agent);
        var ticket = (await _host.Get<Helpdesk.Core.Tickets.Queries.TicketDetailsQuery>().ExecuteAsync(_ticketId, Actor.System))!.AsUpdate();
        var update = _host.Get<UpdateTicketCommand>();
        var actor = CoreTestHost.AgentActor(_agent);

        var created = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer", RequestedForId = _caller.Id }, actor);
        var version = await update.ExecuteAsync(ticket with { MemberId = other.Id }, actor);
        await update.ExecuteAsync(ticket with { MemberId = other.Id, ExpectedVersion = version, DepartmentId = departmentId }, actor);

        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal(triggerId, mail.TriggerId);
        Assert.Equal(kind == TriggerKind.OnCreate ? created : _ticketId, mail.TicketId);
        Assert.Equal("\"Carl Caller\" <carl@customer.test>", mail.To);
    }

    [Fact]
    public async Task InboundReplyCcingSomeoneNew_ContactsQueryOfThatUpdateReachesThem()
    {
        await using (var db = await _host.DbAsync())
        {
            db.Add(new Trigger
            {
                Name = "Customer replied", Kind = TriggerKind.OnCustomerUpdate,
                Actions = [new EmailAction { Name = "Tell the contacts", Status = ActionStatus.Active, To = "SELECT Person WHERE id IN :this->contacts_list",
                    SubjectTemplate = "Reply on $this->ref$", BodyTemplate = "$this->head(public_log)$" }],
            });
            await db.SaveChangesAsync();
        }
        await _host.AddPersonAsync("Bob Boss", "bob@customer.test");
        var reply = InboundTestMail.Create(_caller.PrimaryEmail, _host.Get<IOptions<InboundMailOptions>>().Value.AccountAddress, $"Re: [{TicketNumber.Format(_ticketId)}] VPN down", "Copying my boss.");
        reply.Cc.Add(MimeKit.MailboxAddress.Parse("bob@customer.test"));
        var (row, _) = await _host.Get<InboundMailStore>().StoreAsync("test", "1", reply.Bytes(), default);

        await _host.Get<InboundMailProcessor>().ProcessAsync(row, default);

        // Bob became a contact with this very mail; iTop fix #850: the action of the same update already finds him.
        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal("\"Bob Boss\" <bob@customer.test>", mail.To);
        Assert.Contains("where :this->contacts_list is [", mail.RecipientReasons);
        Assert.Contains("(Bob Boss)", mail.RecipientReasons);
    }

    [Fact]
    public async Task Append_TicketWithoutContacts_ContactsQueryFindsNobody()
    {
        await SetActionAsync(ActionStatus.Active, to: "SELECT Person WHERE id IN :this->contacts_list");

        await AppendAsync(CaseLogKind.Public, sendEmail: true);

        Assert.Empty(await OutboxAsync());
    }
}
