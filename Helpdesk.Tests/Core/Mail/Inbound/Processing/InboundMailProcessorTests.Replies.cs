using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>Mail that belongs to an existing ticket becomes a note on it.</summary>
public sealed partial class InboundMailProcessorTests
{
    [Fact]
    public async Task ProcessAsync_ReplyToOurNotification_AddsCustomerNoteToThatTicket()
    {
        var alice = await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN", RequestedForId = alice.Id }, Actor.System);
        await using (var db = await _host.DbAsync())
        {
            db.Add(new OutboxMessage
            {
                MessageId = "<note-1@helpdesk.test>", TicketId = ticketId, Kind = "email_action", From = "support@helpdesk.test",
                To = "alice@customer.test", Subject = "[HD-1] VPN", TextBody = "We are on it", CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var row = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Re: your mail", "Thanks, works now.", inReplyTo: "note-1@helpdesk.test"));

        Assert.Equal(ticketId, row.TicketId);
        var entry = (await TicketAsync(ticketId)).PublicLog.First();
        Assert.Equal(("Thanks, works now.", EntryOrigin.Customer, "Alice Walker"), (entry.Html, entry.Origin, entry.AuthorName));
    }

    [Fact]
    public async Task ProcessAsync_ReplyQuotingTheThread_ShowsItsOwnTextAndFoldsTheQuote()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        const string Quote = "\n\n-----Original Message-----\nFrom: Helpdesk <support@helpdesk.test>\nSent: Tuesday\n\nPlease send us the printer's model.";
        var first = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "FW: Printer", "Bob's printer, see below." + Quote));
        var reply = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", $"RE: [HD-{first.TicketId}] Printer", "It is an HP 4250." + Quote));

        Assert.Equal(first.TicketId, reply.TicketId);
        var log = (await TicketAsync(first.TicketId)).PublicLog.OrderBy(e => e.Id).ToList();
        // The mail a ticket is created from is the request: a forward's "From: … Sent: …" is what it is about.
        Assert.DoesNotContain("<details>", log[0].Html);
        Assert.StartsWith($"It is an HP 4250.<details><summary>{QuotedHistory.Label}</summary>-----Original Message-----<br>", log[1].Html);
        Assert.EndsWith("Please send us the printer&#39;s model.</details>", log[1].Html);
    }

    [Fact]
    public async Task ProcessAsync_TicketNumberInSubject_AddsNoteAndRefetchAddsNothing()
    {
        var alice = await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN", RequestedForId = alice.Id }, Actor.System);
        var mail = InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", $"About HD-{ticketId} again", "Still broken.");

        var first = await ReceiveAsync(mail);
        var refetched = await ReceiveAsync(mail); // another server id: e.g. the mail was copied to the folder again

        Assert.Single((await TicketAsync(ticketId)).PublicLog, e => e.Html == "Still broken.");
        Assert.StartsWith($"Duplicate of #{first.Id}", refetched.Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("#internal")] // only parameters: no text below them
    public async Task ProcessAsync_ReplyWithoutTextOrAttachments_RecordsThatNothingWasAdded(string body)
    {
        var nagios = await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        var ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN", RequestedForId = nagios.Id, Description = "first" }, Actor.System);

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", $"Re: HD-{ticketId}", body));

        Assert.Equal((InboundStatus.Ignored, (int?)ticketId, null), (row.Status, row.TicketId, row.Error));
        Assert.Contains("empty reply", row.Outcome);
        var ticket = await TicketAsync(ticketId);
        Assert.Equal(1, ticket.PublicLog.Count + ticket.PrivateLog.Count);
    }

    [Fact]
    public async Task ProcessAsync_ReplyWithParameters_AddsTheNoteAndRecordsThatTheyWereIgnored()
    {
        var nagios = await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await AddTeamAsync("Network", "network");
        var ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "web01", RequestedForId = nagios.Id }, Actor.System);

        var row = await ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", $"Re: HD-{ticketId}", "#impact: high #team: Network #internal\nRecovered."));

        const string ignored = "Parameters cannot update an existing request; these were ignored: #impact: high, #team: Network.";
        Assert.Equal(InboundStatus.Processed, row.Status);
        Assert.Contains(ignored, row.Outcome);
        var ticket = await TicketAsync(ticketId);
        Assert.Equal("Recovered.", Assert.Single(ticket.PrivateLog).Html);
        Assert.Equal(((TicketImpact?)null, (int?)null), (ticket.Impact, ticket.Team?.Id));
        Assert.Contains(ticket.Audit, a => a.Note == ignored);
    }

    [Fact]
    public async Task ProcessAsync_ReplyWithOnlyAnAttachment_AddsItAsANote()
    {
        var alice = await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN", RequestedForId = alice.Id }, Actor.System);

        var row = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", $"Re: HD-{ticketId}", "", attachments: ("log.txt", [1, 2])));

        Assert.Equal(InboundStatus.Processed, row.Status);
        Assert.Equal("log.txt", Assert.Single(Assert.Single((await TicketAsync(ticketId)).PublicLog).Attachments).FileName);
    }
}
