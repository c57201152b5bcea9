using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Departments;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Correspondence;

/// <summary>Every autoresponse and alert, asserting the exact recipients (de-duplicated, actor left out).</summary>
public sealed class CorrespondenceEngineTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Person _manager = default!, _member = default!, _other = default!, _lead = default!, _caller = default!, _groupie = default!;
    private int _departmentId, _otherDepartmentId, _teamId;

    public Task InitializeAsync() => StartAsync();

    private async Task StartAsync(Dictionary<string, string?>? settings = null)
    {
        _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>(settings ?? [])
        {
            ["Correspondence:AdminEmail"] = "admin@helpdesk.test",
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
        });
        _manager = await _host.AddPersonAsync("Mona Manager", "mona@helpdesk.test", PersonRoles.Agent);
        _member = await _host.AddPersonAsync("Max Member", "max@helpdesk.test", PersonRoles.Agent);
        _other = await _host.AddPersonAsync("Olga Other", "olga@helpdesk.test", PersonRoles.Agent);
        _lead = await _host.AddPersonAsync("Lea Lead", "lea@helpdesk.test", PersonRoles.Agent);
        _groupie = await _host.AddPersonAsync("Gus Group", "gus@helpdesk.test", PersonRoles.Agent);
        _caller = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
        await using var db = await _host.DbAsync();
        var people = await db.Set<Person>().ToDictionaryAsync(p => p.Id);
        var department = new Department { Name = "IT", Manager = people[_manager.Id], Members = [people[_manager.Id], people[_member.Id]] };
        var other = new Department { Name = "Facilities", Manager = people[_other.Id], Members = [people[_other.Id]] };
        var team = new Team { Name = "Network", Lead = people[_lead.Id], Members = [people[_lead.Id], people[_member.Id]] };
        db.AddRange(department, other, team, new AgentGroup { Name = "Night shift", Members = [people[_groupie.Id]], Departments = [other] });
        await db.SaveChangesAsync();
        (_departmentId, _otherDepartmentId, _teamId) = (department.Id, other.Id, team.Id);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string[]> RecipientsOfAsync(CorrespondenceKind kind)
    {
        await using var db = await _host.DbAsync();
        var kindName = CorrespondenceMail.Kind(kind);
        return [.. (await db.Set<OutboxMessage>().Where(m => m.Kind == kindName).Select(m => m.To).ToListAsync()).Order()];
    }

    private Task<int> CreateAsync(Actor actor, int? memberId = null, int? teamId = null) =>
        _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket
        {
            Subject = "Printer", RequestedForId = _caller.Id, DepartmentId = _departmentId, MemberId = memberId, TeamId = teamId, Description = "It jams.",
        }, actor);

    private static Actor Customer(Person p) => new(p.Id, p.Name, ActorKind.Customer);

    [Fact]
    public async Task NewTicketFromEndUser_AutorespondsAndAlertsAdminManagerMembers()
    {
        await CreateAsync(Customer(_caller));

        Assert.Equal(["\"Carl Caller\" <carl@customer.test>"], await RecipientsOfAsync(CorrespondenceKind.NewTicketAutoresponse));
        Assert.Equal(["\"Max Member\" <max@helpdesk.test>", "\"Mona Manager\" <mona@helpdesk.test>", "admin@helpdesk.test"],
            await RecipientsOfAsync(CorrespondenceKind.NewTicketAlert));
    }

    [Fact]
    public async Task NewTicketAutoAssigned_DoesNotAlertDepartmentMembers()
    {
        await CreateAsync(Customer(_caller), memberId: _member.Id);

        Assert.Equal(["\"Mona Manager\" <mona@helpdesk.test>", "admin@helpdesk.test"], await RecipientsOfAsync(CorrespondenceKind.NewTicketAlert));
    }

    [Fact]
    public async Task NewTicketCreatedInternally_NoAutoresponseByDefaultAndActingAgentNotAlerted()
    {
        await CreateAsync(CoreTestHost.AgentActor(_member));

        Assert.Empty(await RecipientsOfAsync(CorrespondenceKind.NewTicketAutoresponse));
        Assert.Equal(["\"Mona Manager\" <mona@helpdesk.test>", "admin@helpdesk.test"], await RecipientsOfAsync(CorrespondenceKind.NewTicketAlert));
    }

    [Fact]
    public async Task CustomerMessage_AutorespondsToSubmitterAndAlertsLastRespondentManagerAssignee()
    {
        var id = await CreateAsync(Customer(_caller), memberId: _member.Id);
        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry { TicketId = id, Log = CaseLogKind.Public, Text = "Try again" }, CoreTestHost.AgentActor(_lead));

        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry { TicketId = id, Log = CaseLogKind.Public, Text = "Still jams", Origin = EntryOrigin.Customer }, Customer(_caller));

        Assert.Equal(["\"Carl Caller\" <carl@customer.test>"], await RecipientsOfAsync(CorrespondenceKind.NewMessageAutoresponse));
        Assert.Equal(["\"Lea Lead\" <lea@helpdesk.test>", "\"Max Member\" <max@helpdesk.test>", "\"Mona Manager\" <mona@helpdesk.test>"],
            await RecipientsOfAsync(CorrespondenceKind.NewMessageAlert));
    }

    [Fact]
    public async Task CustomerMessageFromCollaborator_AlertNamesTheCollaboratorAsWriter()
    {
        var bob = await _host.AddPersonAsync("Bob Colleague", "bob@customer.test");
        var id = await CreateAsync(Customer(_caller));
        await using (var db = await _host.DbAsync())
        {
            db.Add(new TicketCollaborator { TicketId = id, PersonId = bob.Id });
            await db.SaveChangesAsync();
        }

        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry { TicketId = id, Log = CaseLogKind.Public, Text = "Same here", Origin = EntryOrigin.Customer }, Customer(bob));

        await using var check = await _host.DbAsync();
        var kind = CorrespondenceMail.Kind(CorrespondenceKind.NewMessageAlert);
        var alert = await check.Set<OutboxMessage>().FirstAsync(m => m.Kind == kind);
        Assert.Contains("<p>Bob Colleague wrote:</p>", alert.HtmlBody);
        Assert.DoesNotContain("Carl Caller wrote", alert.HtmlBody);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CustomerMessageWithReplyAll_IsOneMailToTheOwnerCopyingTheOtherParticipants(bool fromCollaborator)
    {
        await _host.DisposeAsync();
        await StartAsync(new() { ["Correspondence:NewMessageAutoresponseToCollaborators"] = "true" });
        var bob = await _host.AddPersonAsync("Bob Colleague", "bob@customer.test");
        var dora = await _host.AddPersonAsync("Dora Deputy", "dora@customer.test");
        var id = await CreateAsync(Customer(_caller));
        await using (var db = await _host.DbAsync())
        {
            db.AddRange(new TicketCollaborator { TicketId = id, PersonId = bob.Id }, new TicketCollaborator { TicketId = id, PersonId = dora.Id });
            await db.SaveChangesAsync();
        }

        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry { TicketId = id, Log = CaseLogKind.Public, Text = "Still jams", Origin = EntryOrigin.Customer },
            Customer(fromCollaborator ? bob : _caller));

        await using var check = await _host.DbAsync();
        var kind = CorrespondenceMail.Kind(CorrespondenceKind.NewMessageAutoresponse);
        var mail = Assert.Single(await check.Set<OutboxMessage>().Where(m => m.Kind == kind).ToListAsync());
        Assert.Equal("\"Carl Caller\" <carl@customer.test>", mail.To);
        Assert.Equal("\"Bob Colleague\" <bob@customer.test>, \"Dora Deputy\" <dora@customer.test>", mail.Cc);
        Assert.Contains("bob@customer.test: Cc", mail.RecipientReasons);
    }

    [Fact]
    public async Task InternalNote_AlertsOthersButNotTheAuthorAndEachOnce()
    {
        var id = await CreateAsync(Customer(_caller), memberId: _manager.Id);

        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry { TicketId = id, Log = CaseLogKind.Private, Text = "Toner low" }, CoreTestHost.AgentActor(_member));

        // The manager is both department manager and assignee: one mail. The author (Max) gets none.
        Assert.Equal(["\"Mona Manager\" <mona@helpdesk.test>"], await RecipientsOfAsync(CorrespondenceKind.InternalNoteAlert));
    }

    [Fact]
    public async Task PrivateNoteMentioningAgents_AlertsEachMentionedOnceButNeverTheAuthorAndRecordsThem()
    {
        var id = await CreateAsync(Customer(_caller), memberId: _manager.Id);

        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = id, Log = CaseLogKind.Private, Text = "@Mona Manager @Lea Lead @Max Member please look", MentionIds = [_manager.Id, _lead.Id, _lead.Id, _member.Id],
        }, CoreTestHost.AgentActor(_member));

        Assert.Equal(["\"Lea Lead\" <lea@helpdesk.test>", "\"Mona Manager\" <mona@helpdesk.test>"], await RecipientsOfAsync(CorrespondenceKind.MentionAlert));
        // Mona, the assignee, was mentioned: the mention alert is her one mail about the note.
        Assert.Empty(await RecipientsOfAsync(CorrespondenceKind.InternalNoteAlert));
        var note = Assert.Single((await _host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!.PrivateLog);
        Assert.Equal(["Lea Lead", "Max Member", "Mona Manager"], note.Mentioned);
        await using var db = await _host.DbAsync();
        var alert = await db.Set<OutboxMessage>().SingleAsync(m => m.Kind == CorrespondenceMail.Kind(CorrespondenceKind.MentionAlert) && m.To.Contains("lea@"));
        Assert.StartsWith("Max Member mentioned you on HD-", alert.Subject);
        Assert.Contains("please look", alert.TextBody);
        // The plain part keeps the link's address, which the HTML part hides behind the ticket's number.
        Assert.Contains($"HD-{id} <http://localhost:5000/tickets/{id}>", alert.TextBody);
    }

    [Fact]
    public async Task MentionOfSomeoneWhoIsNotAnActiveAgent_RefusedAndNothingIsAdded()
    {
        var id = await CreateAsync(Customer(_caller));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = id, Log = CaseLogKind.Private, Text = "@Carl Caller", MentionIds = [_caller.Id],
        }, CoreTestHost.AgentActor(_member)));

        Assert.Equal("mentions", Assert.Single(error.Errors).Key);
        Assert.Empty((await _host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!.PrivateLog);
        Assert.Empty(await RecipientsOfAsync(CorrespondenceKind.MentionAlert));
    }

    [Fact]
    public async Task Assignment_AlertsAssigneeTeamLeadAndTeamMembers()
    {
        var id = await CreateAsync(Customer(_caller));
        var ticket = (await _host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;

        await _host.Get<UpdateTicketCommand>().ExecuteAsync(ticket.AsUpdate() with { MemberId = _other.Id, TeamId = _teamId }, CoreTestHost.AgentActor(_manager));

        Assert.Equal(["\"Lea Lead\" <lea@helpdesk.test>", "\"Max Member\" <max@helpdesk.test>", "\"Olga Other\" <olga@helpdesk.test>"],
            await RecipientsOfAsync(CorrespondenceKind.AssignmentAlert));
    }

    private async Task ClearOutboxAsync()
    {
        await using var db = await _host.DbAsync();
        // Not ExecuteDelete: EF cannot bulk-delete an entity split over two tables (the mail and its bodies).
        db.RemoveRange(await db.Set<OutboxMessage>().ToListAsync());
        await db.SaveChangesAsync();
    }

    private async Task ReassignAsync(int id, int? memberId, int? teamId, Person actor)
    {
        var ticket = (await _host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;
        await _host.Get<UpdateTicketCommand>().ExecuteAsync(ticket.AsUpdate() with { MemberId = memberId, TeamId = teamId }, CoreTestHost.AgentActor(actor));
    }

    [Fact]
    public async Task Assignment_OnlyAgentChanged_AlertsOnlyTheNewAgentNotTheUnchangedTeam()
    {
        var id = await CreateAsync(Customer(_caller), teamId: _teamId);
        await ClearOutboxAsync();

        await ReassignAsync(id, _other.Id, _teamId, _manager);

        Assert.Equal(["\"Olga Other\" <olga@helpdesk.test>"], await RecipientsOfAsync(CorrespondenceKind.AssignmentAlert));
    }

    [Fact]
    public async Task Assignment_OnlyTeamChanged_AlertsNewTeamLeadAndMembersNotTheUnchangedAgent()
    {
        var id = await CreateAsync(Customer(_caller), memberId: _other.Id);
        await ClearOutboxAsync();

        await ReassignAsync(id, _other.Id, _teamId, _manager);

        Assert.Equal(["\"Lea Lead\" <lea@helpdesk.test>", "\"Max Member\" <max@helpdesk.test>"], await RecipientsOfAsync(CorrespondenceKind.AssignmentAlert));
    }

    [Fact]
    public async Task Assignment_Unassigned_AlertsNobody()
    {
        var id = await CreateAsync(Customer(_caller), memberId: _other.Id, teamId: _teamId);
        await ClearOutboxAsync();

        await ReassignAsync(id, null, _teamId, _manager);
        await ReassignAsync(id, null, null, _manager);

        Assert.Empty(await RecipientsOfAsync(CorrespondenceKind.AssignmentAlert));
    }

    [Fact]
    public async Task NewTicketCreatedAssigned_SendsAssignmentAlertOncePerAgentWithoutTheActor()
    {
        // Lea creates it for Max and her own team: Max is assignee and team member (one mail), Lea is the actor.
        await CreateAsync(CoreTestHost.AgentActor(_lead), memberId: _member.Id, teamId: _teamId);

        Assert.Equal(["\"Max Member\" <max@helpdesk.test>"], await RecipientsOfAsync(CorrespondenceKind.AssignmentAlert));
        Assert.Equal(["\"Mona Manager\" <mona@helpdesk.test>", "admin@helpdesk.test"], await RecipientsOfAsync(CorrespondenceKind.NewTicketAlert));
    }

    [Fact]
    public async Task NewTicketCreatedForTeam_AlertsTeamLeadAndMembers()
    {
        await CreateAsync(Customer(_caller), teamId: _teamId);

        Assert.Equal(["\"Lea Lead\" <lea@helpdesk.test>", "\"Max Member\" <max@helpdesk.test>"], await RecipientsOfAsync(CorrespondenceKind.AssignmentAlert));
    }

    [Fact]
    public async Task NewTicketUnassigned_SendsNoAssignmentAlert()
    {
        await CreateAsync(Customer(_caller));

        Assert.Empty(await RecipientsOfAsync(CorrespondenceKind.AssignmentAlert));
    }

    [Fact]
    public async Task AgentWhoseAddressIsTheAdminEmail_IsNotAlertedOfOwnChange()
    {
        var admin = await _host.AddPersonAsync("Ada Admin", "ADMIN@helpdesk.test", PersonRoles.Agent);

        await CreateAsync(CoreTestHost.AgentActor(admin));

        Assert.Equal(["\"Max Member\" <max@helpdesk.test>", "\"Mona Manager\" <mona@helpdesk.test>"], await RecipientsOfAsync(CorrespondenceKind.NewTicketAlert));
    }

    [Fact]
    public async Task Transfer_AlertsTargetDepartmentWithExtendedGroupMembers()
    {
        await using (var db = await _host.DbAsync())
            await db.Set<Department>().Where(d => d.Id == _otherDepartmentId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Recipients, DepartmentRecipients.MembersAndGroups));
        var id = await CreateAsync(Customer(_caller));
        var ticket = (await _host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;

        await _host.Get<UpdateTicketCommand>().ExecuteAsync(ticket.AsUpdate() with { DepartmentId = _otherDepartmentId }, CoreTestHost.AgentActor(_manager));

        Assert.Equal(["\"Gus Group\" <gus@helpdesk.test>", "\"Olga Other\" <olga@helpdesk.test>"], await RecipientsOfAsync(CorrespondenceKind.TransferAlert));
    }

    [Fact]
    public async Task DepartmentSwitches_TurnAutorespondersAndRecipientClassesOff()
    {
        await using (var db = await _host.DbAsync())
            await db.Set<Department>().Where(d => d.Id == _departmentId).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.AutorespondersDisabled, true).SetProperty(d => d.DisabledAlertRecipients, "AdminEmail, DepartmentMembers"));

        await CreateAsync(Customer(_caller));

        Assert.Empty(await RecipientsOfAsync(CorrespondenceKind.NewTicketAutoresponse));
        Assert.Equal(["\"Mona Manager\" <mona@helpdesk.test>"], await RecipientsOfAsync(CorrespondenceKind.NewTicketAlert));
    }

    [Fact]
    public async Task MailToTeamAddress_TicketTakesTheTeamsDepartmentAndItsSwitches()
    {
        await using (var db = await _host.DbAsync())
        {
            await db.Set<Team>().Where(t => t.Id == _teamId).ExecuteUpdateAsync(s => s.SetProperty(t => t.InboundLocalPart, "network").SetProperty(t => t.DepartmentId, _departmentId));
            await db.Set<Department>().Where(d => d.Id == _departmentId).ExecuteUpdateAsync(s => s.SetProperty(d => d.AutorespondersDisabled, true));
        }
        var mail = InboundTestMail.Create("carl@customer.test", "network.support@helpdesk.test", "VPN", "down");
        var (row, _) = await _host.Get<Helpdesk.Core.Mail.Inbound.InboundMailStore>().StoreAsync("t", "1", mail.Bytes(), default);

        await _host.Get<Helpdesk.Core.Mail.Inbound.Processing.InboundMailProcessor>().ProcessAsync(row, default);

        await using var check = await _host.DbAsync();
        var ticket = await check.Set<Ticket>().SingleAsync();
        Assert.Equal((_teamId, _departmentId), (ticket.TeamId, ticket.DepartmentId));
        Assert.Empty(await RecipientsOfAsync(CorrespondenceKind.NewTicketAutoresponse));
        Assert.Equal(["\"Mona Manager\" <mona@helpdesk.test>", "admin@helpdesk.test"], await RecipientsOfAsync(CorrespondenceKind.NewTicketAlert));
    }

    [Fact]
    public async Task HelpTopicSwitch_TurnsAutoresponseOff()
    {
        int topicId;
        await using (var db = await _host.DbAsync())
        {
            var topic = new HelpTopic { Name = "Spam reports", AutorespondersDisabled = true };
            db.Add(topic);
            await db.SaveChangesAsync();
            topicId = topic.Id;
        }

        await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "x", RequestedForId = _caller.Id, HelpTopicId = topicId }, Customer(_caller));

        Assert.Empty(await RecipientsOfAsync(CorrespondenceKind.NewTicketAutoresponse));
    }

    [Fact]
    public async Task GlobalSwitch_TurnsNewMessageAutoresponseOff()
    {
        await _host.DisposeAsync();
        await StartAsync(new Dictionary<string, string?> { ["Correspondence:NewMessageAutoresponse"] = "false" });
        var id = await CreateAsync(Customer(_caller));

        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry { TicketId = id, Log = CaseLogKind.Public, Text = "more", Origin = EntryOrigin.Customer }, Customer(_caller));

        Assert.Empty(await RecipientsOfAsync(CorrespondenceKind.NewMessageAutoresponse));
    }

    [Fact]
    public async Task OverdueSweep_PastTargetOnce_AlertsAdminOnceAndMarksTicket()
    {
        var id = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket
        {
            Subject = "Due soon", RequestedForId = _caller.Id, ResolutionTargetAt = _host.Clock.GetUtcNow().UtcDateTime.AddHours(2),
        }, Customer(_caller));
        var sweep = _host.Get<OverdueSweep>();

        Assert.Empty(await sweep.RunAsync(default));
        _host.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal([id], await sweep.RunAsync(default));
        Assert.Empty(await sweep.RunAsync(default));

        Assert.Equal(["admin@helpdesk.test"], await RecipientsOfAsync(CorrespondenceKind.OverdueAlert));
        Assert.Contains((await _host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!.Audit, a => a.Field == "overdue");
    }

    [Fact]
    public async Task OverdueSweep_SlaPlanGracePeriod_MakesTicketOverdue()
    {
        int planId;
        await using (var db = await _host.DbAsync())
        {
            var plan = new SlaPlan { Name = "4 hours", GracePeriodHours = 4 };
            db.Add(plan);
            await db.SaveChangesAsync();
            planId = plan.Id;
        }
        await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "SLA", RequestedForId = _caller.Id, SlaPlanId = planId }, Customer(_caller));

        _host.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Empty(await _host.Get<OverdueSweep>().RunAsync(default));
        _host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Single(await _host.Get<OverdueSweep>().RunAsync(default));
    }

    [Fact]
    public async Task OverdueSweep_OnOverdueTriggerAndConfiguredClasses_TriggerMailsOnceAndAlertReachesEachClass()
    {
        await _host.DisposeAsync();
        await StartAsync(new Dictionary<string, string?>
        {
            ["Correspondence:AlertRecipients:OverdueAlert:0"] = "AdminEmail",
            ["Correspondence:AlertRecipients:OverdueAlert:1"] = "AssignedAgent",
            ["Correspondence:AlertRecipients:OverdueAlert:2"] = "DepartmentManager",
            ["Correspondence:AlertRecipients:OverdueAlert:3"] = "DepartmentMembers",
        });
        await using (var db = await _host.DbAsync())
        {
            db.Add(new Trigger
            {
                Name = "Tell the caller", Kind = TriggerKind.OnOverdue,
                Actions = [new EmailAction { Name = "Sorry", Status = ActionStatus.Active, To = "SELECT Person WHERE id = :this->caller_id", SubjectTemplate = "$this->ref$ is late", BodyTemplate = "<p>Sorry.</p>" }],
            });
            await db.SaveChangesAsync();
        }
        var id = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket
        {
            Subject = "Due soon", RequestedForId = _caller.Id, DepartmentId = _departmentId, MemberId = _other.Id, ResolutionTargetAt = _host.Clock.GetUtcNow().UtcDateTime.AddHours(2),
        }, Customer(_caller));
        var sweep = _host.Get<OverdueSweep>();

        Assert.Empty(await sweep.RunAsync(default));
        _host.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal([id], await sweep.RunAsync(default));
        Assert.Empty(await sweep.RunAsync(default));

        await using var check = await _host.DbAsync();
        var triggered = await check.Set<OutboxMessage>().Where(m => m.Kind == "email_action").ToListAsync();
        Assert.Equal(["\"Carl Caller\" <carl@customer.test>"], triggered.Select(m => m.To));
        Assert.Equal(["\"Max Member\" <max@helpdesk.test>", "\"Mona Manager\" <mona@helpdesk.test>", "\"Olga Other\" <olga@helpdesk.test>", "admin@helpdesk.test"],
            await RecipientsOfAsync(CorrespondenceKind.OverdueAlert));
    }

    [Fact]
    public async Task OverdueSweep_MarksOverdue_BumpsVersionSoAnOpenEditorGetsAConflict()
    {
        var id = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket
        {
            Subject = "Due soon", RequestedForId = _caller.Id, ResolutionTargetAt = _host.Clock.GetUtcNow().UtcDateTime.AddHours(1),
        }, Customer(_caller));
        var loaded = (await _host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;
        _host.Clock.Advance(TimeSpan.FromHours(2));

        await _host.Get<OverdueSweep>().RunAsync(default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _host.Get<UpdateTicketCommand>().ExecuteAsync(loaded.AsUpdate() with { Subject = "Edited meanwhile" }, CoreTestHost.AgentActor(_manager)));
    }

}
