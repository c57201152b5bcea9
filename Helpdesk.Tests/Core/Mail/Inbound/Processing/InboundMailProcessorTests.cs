using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

public sealed partial class InboundMailProcessorTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Task<CoreTestHost> StartAsync(string policy = "Reject", string blobs = "Folder") => CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
        ["Mail:Inbound:DefaultTeam"] = "Service Desk",
        ["Mail:Inbound:UnknownSenders"] = policy,
        ["Blobs:Store"] = blobs,
    });

    private async Task<InboundMessage> ReceiveAsync(MimeMessage mail, CoreTestHost? host = null)
    {
        host ??= _host;
        var (id, _) = await host.Get<InboundMailStore>().StoreAsync("test", Guid.NewGuid().ToString(), mail.Bytes(), default);
        await host.Get<InboundMailProcessor>().ProcessAsync(id, default);
        await using var db = await host.DbAsync();
        return await db.Set<InboundMessage>().SingleAsync(m => m.Id == id);
    }

    private async Task<InboundMessage> ReceiveFixtureAsync(string fixture)
    {
        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("test", fixture, Parsing.InboundMailReaderTests.Fixture(fixture), default);
        await _host.Get<InboundMailProcessor>().ProcessAsync(id, default);
        await using var db = await _host.DbAsync();
        return await db.Set<InboundMessage>().SingleAsync(m => m.Id == id);
    }

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = await _host.DbAsync();
        return await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<TicketDetails> TicketAsync(int? id) => (await _host.Get<TicketDetailsQuery>().ExecuteAsync(id!.Value, Actor.System))!;

    private async Task<Team> AddTeamAsync(string name, string localPart)
    {
        await using var db = await _host.DbAsync();
        var team = new Team { Name = name, InboundLocalPart = localPart };
        db.Add(team);
        await db.SaveChangesAsync();
        return team;
    }

    [Fact]
    public async Task ProcessAsync_KnownSenderToAccount_CreatesRequestWithDefaults()
    {
        var alice = await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var serviceDesk = await AddTeamAsync("Service Desk", "servicedesk");
        var mail = InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Printer jams", "It jams.", attachments: ("jam.jpg", [1, 2, 3]));

        var row = await ReceiveAsync(mail);

        Assert.Equal(InboundStatus.Processed, row.Status);
        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal(("Printer jams", TicketStatus.Assigned, TicketCategory.Other, (TicketImpact?)null), (ticket.Subject, ticket.Status, ticket.Category, ticket.Impact));
        Assert.Equal((alice.Id, alice.Id), (ticket.RequestedFor.Id, ticket.RequestedBy.Id));
        Assert.Equal(("email", $"<{mail.MessageId}>", serviceDesk.Id), (ticket.Source, ticket.SourceId, ticket.Team?.Id));
        var entry = Assert.Single(ticket.PublicLog);
        Assert.Equal((EntryOrigin.Customer, "It jams."), (entry.Origin, entry.Html));
        Assert.Equal("jam.jpg", Assert.Single(entry.Attachments).FileName);
    }

    [Fact]
    public async Task ProcessAsync_HtmlMailWithInlineImage_KeepsSanitizedFormattingAndTheImage()
    {
        await _host.AddPersonAsync("Bob Stone", "bob@customer.test");
        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("test", "html", Parsing.InboundMailReaderTests.Fixture("html-inline-image.eml"), default);

        await _host.Get<InboundMailProcessor>().ProcessAsync(id, default);

        await using var db = await _host.DbAsync();
        var entry = await db.Set<CaseLogEntry>().Include(e => e.Attachments).SingleAsync(e => e.SourceMessageId == "<html-1@customer.test>");
        Assert.Equal(TextFormat.Html, entry.Format);
        Assert.Contains("<b>error 500</b>", entry.Html);
        Assert.DoesNotContain("<script", entry.Html);
        var image = Assert.Single(entry.Attachments);
        Assert.Equal(("image-1.png", true, "shot@customer.test"), (image.FileName, image.IsInline, image.ContentId));
        Assert.Contains($"src=\"/attachments/{image.Id}\"", entry.Html);
    }

    [Fact]
    public async Task ProcessAsync_MailToTeamAddress_AssignsThatTeam()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var network = await AddTeamAsync("Network", "network");

        var row = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "network.support@helpdesk.test", "VPN down", "Down."));

        Assert.Equal(network.Id, (await TicketAsync(row.TicketId)).Team?.Id);
        Assert.Contains("team Network", row.Outcome);
    }

    [Fact]
    public async Task ProcessAsync_UnknownSenderWithRejectPolicy_IgnoresAndQueuesPoliteNotice()
    {
        var row = await ReceiveAsync(InboundTestMail.Create("stranger@else.test", "support@helpdesk.test", "Hi", "Who am I?"));

        Assert.Equal(InboundStatus.Ignored, row.Status);
        Assert.Contains("no person has the address stranger@else.test", row.Outcome);
        await using var db = await _host.DbAsync();
        var notice = await db.Set<OutboxMessage>().SingleAsync();
        Assert.Equal(("stranger@else.test", "notice:unknown_sender", true), (notice.To, notice.Kind, notice.AutoSubmitted));
    }

    [Fact]
    public async Task ProcessAsync_UnknownSenderWithCreatePolicy_CreatesPersonAndRequest()
    {
        await using var host = await StartAsync("CreatePerson");
        var mail = InboundTestMail.Create("Nina New <nina@new.test>", "support@helpdesk.test", "First contact", "Hello!");

        var row = await ReceiveAsync(mail, host);

        Assert.Equal(InboundStatus.Processed, row.Status);
        await using var db = await host.DbAsync();
        var nina = await db.Set<Person>().SingleAsync(p => p.PrimaryEmail == "nina@new.test");
        Assert.Equal(("Nina New", PersonRoles.EndUser), (nina.Name, nina.Roles));
        Assert.Equal(nina.Id, (await host.Get<TicketDetailsQuery>().ExecuteAsync(row.TicketId!.Value, Actor.System))!.RequestedFor.Id);
    }

    [Fact]
    public async Task ProcessAsync_SenderMatchedByOtherEmail_UsesThatPerson()
    {
        var alice = await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await using (var db = await _host.DbAsync())
        {
            db.Add(new PersonEmail { PersonId = alice.Id, Address = "a.walker@old.test" });
            await db.SaveChangesAsync();
        }

        var row = await ReceiveAsync(InboundTestMail.Create("A.Walker@OLD.test", "support@helpdesk.test", "From my old address", "Hi"));

        Assert.Equal(alice.Id, (await TicketAsync(row.TicketId)).RequestedFor.Id);
    }

    [Fact]
    public async Task ProcessAsync_SpecialistParameters_AreApplied()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        var network = await AddTeamAsync("Network", "network");
        var raw = Parsing.InboundMailReaderTests.Fixture("monitoring-parameters.eml");

        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("test", "p1", raw, default);
        await _host.Get<InboundMailProcessor>().ProcessAsync(id, default);

        await using var db = await _host.DbAsync();
        var row = await db.Set<InboundMessage>().SingleAsync(m => m.Id == id);
        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal((TicketCategory.Incident, (TicketImpact?)TicketImpact.High, network.Id, "nagios", "evt-991"),
            (ticket.Category, ticket.Impact, ticket.Team?.Id, ticket.Source, ticket.SourceId));
        Assert.Equal("HTTP check on web01 failed 3 times.", Assert.Single(ticket.PublicLog).Html);
        Assert.Contains(ticket.Audit, a => a.Note == "Parameters read: #category: incident, #impact: high, #team: Network, #source: nagios, #source_id: evt-991.");
    }

    [Fact]
    public async Task ProcessAsync_ParametersFromNonSpecialist_StayInTheText()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await AddTeamAsync("Network", "network");

        var row = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Please", "#team: Network #high\nhelp"));

        var ticket = await TicketAsync(row.TicketId);
        Assert.Null(ticket.Team);
        Assert.Contains("#team: Network", ticket.PublicLog.Single().Html);
        Assert.Contains(ticket.Audit, a => a.Note == "Parameters were ignored: the sender does not have the Specialist role.");
    }

    [Fact]
    public async Task ProcessAsync_InvalidTeamParameter_FallsBackToDefaultTeamAndAudits()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        var serviceDesk = await AddTeamAsync("Service Desk", "servicedesk");

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Disk full", "#team: Nonexistent\ndisk"));

        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal(serviceDesk.Id, ticket.Team?.Id);
        Assert.Contains(ticket.Audit, a => a.Note == "#team: Nonexistent is not a team; the default team was selected.");
    }

    [Fact]
    public async Task ProcessAsync_InvalidTeamWithAMember_TakesTheMembersTeamAsIfNoTeamWereGiven()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await AddTeamAsync("Service Desk", "servicedesk");
        var network = await AddTeamAsync("Network", "network");
        var agent = await _host.AddPersonAsync("Nina Agent", "nina@helpdesk.test", PersonRoles.Agent);
        await using (var db = await _host.DbAsync())
        {
            var team = await db.Set<Team>().Include(t => t.Members).SingleAsync(t => t.Id == network.Id);
            team.Members.Add(await db.Set<Person>().SingleAsync(p => p.Id == agent.Id));
            await db.SaveChangesAsync();
        }

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Disk full", "#team: Nonexistent #member: nina@helpdesk.test\ndisk"));

        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal((network.Id, agent.Id), (ticket.Team?.Id, ticket.Member?.Id));
        Assert.Contains(ticket.Audit, a => a.Note == "#team: Nonexistent is not a team; the default team was selected.");
    }

    [Fact]
    public async Task ProcessAsync_InvalidTeamIdWithAServiceInstance_TakesItsFirstLineTeam()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await AddTeamAsync("Service Desk", "servicedesk");
        var firstLine = await AddTeamAsync("Mail First Line", "mailfirst");
        await using (var db = await _host.DbAsync())
        {
            db.Add(new Helpdesk.Core.ServiceCatalog.ServiceInstance { Name = "Mail", FirstLineTeamId = firstLine.Id });
            await db.SaveChangesAsync();
        }

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Queue stuck", "#team_id: 9999 #service_instance: Mail\nstuck"));

        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal(firstLine.Id, ticket.Team?.Id);
        Assert.Contains(ticket.Audit, a => a.Note == "#team_id: 9999 is not a team; the default team was selected.");
    }

    [Fact]
    public async Task ProcessAsync_RequesterCoveredByASupportAgreement_TakesItsServiceDeskTeamBeforeTheDefaultTeam()
    {
        await AddTeamAsync("Service Desk", "servicedesk");
        var acmeDesk = await AddTeamAsync("Acme Desk", "acmedesk");
        var acme = await _host.Get<Helpdesk.Core.Organizations.SaveOrganizationCommand>().ExecuteAsync(null, "Acme");
        var alice = await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await using (var db = await _host.DbAsync())
        {
            (await db.Set<Person>().SingleAsync(p => p.Id == alice.Id)).OrganizationId = acme;
            await db.SaveChangesAsync();
        }
        await _host.Get<Helpdesk.Core.ServiceCatalog.SaveSupportAgreementCommand>().ExecuteAsync(new(null, "Acme first line", acme, acmeDesk.Id));

        var row = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Printer jams", "It jams."));

        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal(acmeDesk.Id, ticket.Team?.Id);
        Assert.Contains(ticket.Audit, a => a.Note == "The service desk team of support agreement Acme first line was selected.");
    }

    [Fact]
    public async Task ProcessAsync_InvalidTeamForARequesterWithAnAgreement_TakesTheAgreementsTeam()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist | PersonRoles.ServiceDeskAnalyst);
        await AddTeamAsync("Service Desk", "servicedesk");
        var acmeDesk = await AddTeamAsync("Acme Desk", "acmedesk");
        var acme = await _host.Get<Helpdesk.Core.Organizations.SaveOrganizationCommand>().ExecuteAsync(null, "Acme");
        await using (var db = await _host.DbAsync())
        {
            db.Add(new Person { Name = "Bob Stone", PrimaryEmail = "bob@acme.test", OrganizationId = acme });
            await db.SaveChangesAsync();
        }
        await _host.Get<Helpdesk.Core.ServiceCatalog.SaveSupportAgreementCommand>().ExecuteAsync(new(null, "Acme first line", acme, acmeDesk.Id));

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "Disk full", "#team: Nonexistent #requested_for: bob@acme.test\ndisk"));

        Assert.Equal(acmeDesk.Id, (await TicketAsync(row.TicketId)).Team?.Id);
    }

    [Fact]
    public async Task ProcessAsync_RequestedForWithoutAnalystRole_IsIgnored()
    {
        var nagios = await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await _host.AddPersonAsync("Bob Stone", "bob@customer.test");

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", "For Bob", "#requested_for: bob@customer.test\nx"));

        Assert.Equal(nagios.Id, (await TicketAsync(row.TicketId)).RequestedFor.Id);
    }

    [Fact]
    public async Task ProcessAsync_BounceOfOurMail_MarksTheOutboxMessage()
    {
        await using (var db = await _host.DbAsync())
        {
            db.Add(new OutboxMessage
            {
                MessageId = "<outbound-42@helpdesk.test>", Kind = "email_action", From = "support@helpdesk.test", To = "gone@customer.test",
                Subject = "x", TextBody = "x", Status = OutboxStatus.Sent, CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("test", "dsn", Parsing.InboundMailReaderTests.Fixture("dsn-bounce.eml"), default);

        await _host.Get<InboundMailProcessor>().ProcessAsync(id, default);

        await using var check = await _host.DbAsync();
        Assert.NotNull((await check.Set<OutboxMessage>().SingleAsync()).BouncedAt);
        var row = await check.Set<InboundMessage>().SingleAsync(m => m.Id == id);
        Assert.Equal((InboundStatus.Ignored, (int?)null), (row.Status, row.TicketId));
        Assert.Contains("bounce", row.Outcome);
        Assert.Equal(0, await check.Set<Ticket>().CountAsync());
    }

    [Fact]
    public async Task ProcessAsync_DelayWarningReadReceiptAndDeliveryReport_TheDelayIsANoteAndMarksTheMailDelayedUntilItIsDelivered()
    {
        var lee = await _host.AddPersonAsync("Lee Left", "left@customer.test");
        var ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer", RequestedForId = lee.Id }, Actor.System);
        await using (var db = await _host.DbAsync())
        {
            db.Add(new OutboxMessage
            {
                MessageId = "<corpus-outbox-1@helpdesk.test>", Kind = "email_action", From = "support@helpdesk.test", To = "left@customer.test", TicketId = ticketId,
                Subject = "[HD-1] Your request was received", TextBody = "x", Status = OutboxStatus.Sent, CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        OutboxMessage Mail(IEnumerable<OutboxMessage> outbox) => outbox.Single(m => m.MessageId == "<corpus-outbox-1@helpdesk.test>");

        var delayed = await ReceiveFixtureAsync("dsn-postfix-delayed.eml");
        var read = await ReceiveFixtureAsync("mdn-outlook-read.eml");

        Assert.Equal((InboundStatus.Processed, ticketId), (delayed.Status, delayed.TicketId));
        Assert.Equal((InboundStatus.Ignored, ticketId), (read.Status, read.TicketId));
        Assert.Contains("read receipt", read.Outcome);
        var mail = Mail(await OutboxAsync());
        Assert.Equal((MailDeliveryState.Delayed, "a mail server reports a delay and keeps trying"), (MailDeliveryView.From(mail).State, MailDeliveryView.From(mail).Problem));
        Assert.Null(mail.BouncedAt);
        await using (var check = await _host.DbAsync())
        {
            var note = await check.Set<CaseLogEntry>().SingleAsync(e => e.SourceMessageId == delayed.MessageId);
            Assert.Equal((ticketId, CaseLogKind.Private), (note.TicketId, note.Log));
            Assert.Contains("THIS IS A WARNING ONLY", note.Text);
            Assert.False(await check.Set<CaseLogEntry>().AnyAsync(e => e.SourceMessageId == read.MessageId));
        }

        // The same server reports the mail delivered after all (the fixture's report, about this mail).
        var report = System.Text.Encoding.Latin1.GetString(Parsing.InboundMailReaderTests.Fixture("dsn-postfix-delivered.eml")).Replace("corpus-outbox-2", "corpus-outbox-1");
        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("test", "delivered", System.Text.Encoding.Latin1.GetBytes(report), default);
        await _host.Get<InboundMailProcessor>().ProcessAsync(id, default);

        mail = Mail(await OutboxAsync());
        Assert.Equal((MailDeliveryState.Sent, null), (MailDeliveryView.From(mail).State, mail.DelayedAt));
    }

    [Fact]
    public async Task ProcessAsync_Utf7HtmlMail_IsDecodedAndTheMarkupItHidStaysInert()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        // UTF-7 spells "<" as "+ADw-": decoded, this is a script and an image with a handler, which must not survive.
        var mail = MimeMessage.Load(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(
            "From: alice@customer.test\r\nTo: support@helpdesk.test\r\nSubject: Old mailer\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/html; charset=utf-7\r\n\r\n" +
            "+ADw-p+AD4-Gr+APwA3w-e+ADw-/p+AD4-+ADw-script+AD4-window.+AF8AXw-pwned+AD0-1+ADw-/script+AD4-+ADw-img src+AD0-x onerror+AD0-window.+AF8AXw-pwned+AD0-1+AD4-\r\n")));

        var row = await ReceiveAsync(mail);

        var html = Assert.Single((await TicketAsync(row.TicketId)).PublicLog).Html;
        var document = Helpdesk.Tests.Security.InertHtml.Assert(html);
        Assert.Contains("Grüße", document.Body!.TextContent);
        Assert.DoesNotContain("+ADw-", html);
    }

    [Fact]
    public async Task ProcessAsync_MailFromOurOwnAddress_IsIgnoredAsLoop()
    {
        var row = await ReceiveAsync(InboundTestMail.Create("network.support@helpdesk.test", "support@helpdesk.test", "Loop", "x"));

        Assert.Equal(InboundStatus.Ignored, row.Status);
        Assert.Contains("mail loop", row.Outcome);
    }

    [Fact]
    public async Task ProcessAsync_NotAMail_IsQuarantinedWithErrorAndKept()
    {
        var raw = Parsing.InboundMailReaderTests.Fixture("garbage.bin");
        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("test", "junk", raw, default);

        await _host.Get<InboundMailProcessor>().ProcessAsync(id, default);

        await using var db = await _host.DbAsync();
        var row = await db.Set<InboundMessage>().SingleAsync(m => m.Id == id);
        Assert.Equal(InboundStatus.Quarantined, row.Status);
        Assert.False(string.IsNullOrEmpty(row.Error));
        Assert.Equal(raw, await _host.Get<InboundMailStore>().ReadRawAsync(row, default));
    }

    [Fact]
    public async Task DryRunAsync_NewRequest_DescribesItAndChangesNothing()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");

        var (decision, _) = await _host.Get<InboundMailProcessor>().DryRunAsync(
            InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Dry", "run").Bytes(), default);

        var create = Assert.IsType<CreateRequest>(decision);
        Assert.Equal("Dry", create.Ticket.Subject);
        Assert.Contains(create.Notes, n => n.StartsWith("Received by mail from alice@customer.test"));
        Assert.Equal(0, (await _host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest(), Actor.System)).TotalCount);
    }
}

public sealed class RetryInboundMailCommandTests
{
    [Fact]
    public async Task ExecuteAsync_RejectedThenPersonAdded_CreatesTheRequest()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test", ["Mail:Inbound:UnknownSenders"] = "Reject",
        });
        var mail = InboundTestMail.Create("late@customer.test", "support@helpdesk.test", "Let me in", "Please.");
        var (id, _) = await host.Get<InboundMailStore>().StoreAsync("test", "r1", mail.Bytes(), default);
        await host.Get<InboundMailProcessor>().ProcessAsync(id, default);
        await host.AddPersonAsync("Late Comer", "late@customer.test");

        var retried = await host.Get<RetryInboundMailCommand>().ExecuteAsync(id);

        Assert.Equal(InboundStatus.Processed, retried.Status);
        Assert.NotNull(retried.TicketId);
    }
}
