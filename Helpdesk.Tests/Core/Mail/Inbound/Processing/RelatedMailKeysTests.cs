using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

public sealed class RelatedMailKeysTests
{
    [Theory]
    [InlineData("Re: AW: Fwd[2]: Printer on floor 2", "printer on floor 2")]
    [InlineData("RE:re:  Printer ", "printer")]
    [InlineData("SV: VS: Tr: Printer", "printer")]
    [InlineData("Regarding the printer", "regarding the printer")]
    [InlineData("Printer: re: it jams", "printer: re: it jams")]
    public void Thread_ReplyAndForwardPrefixes_AreTakenOffTheFrontOnly(string subject, string thread) =>
        Assert.Equal(thread, RelatedMailKeys.Thread(subject));

    [Fact]
    public async Task OfAsync_ReplyWithACcAndOurThreadRoot_NamesTheSenderTheCcTheThreadAndTheTicketsButNotOurOwnAddress()
    {
        await using var host = await CoreTestHost.StartAsync();
        var mail = InboundTestMail.Create("Alice <Alice@Customer.test>", "support@helpdesk.test", "Re: [HD-7] Printer", "Still jams.",
            messageId: "reply@customer.test", inReplyTo: "jam@customer.test");
        mail.Cc.Add(MailboxAddress.Parse("bob@customer.test"));
        mail.Cc.Add(MailboxAddress.Parse("support@helpdesk.test"));
        mail.References.Add("ticket-42@helpdesk.test");
        var raw = mail.Bytes();
        var message = InboundMailReader.Load(raw);
        var row = new InboundMessage { Mailbox = "test", ServerId = "1", MessageId = "<reply@customer.test>", RawSha256 = "", SenderAddress = "alice@customer.test", Subject = mail.Subject };

        var keys = await RelatedMailKeys.OfAsync(host.Get<IDbContextFactory<HelpdeskDbContext>>(), row, message, InboundMailReader.Read(message, raw), new InboundMailOptions(),
            address => address.Equals("support@helpdesk.test", StringComparison.OrdinalIgnoreCase), default);

        Assert.Equal(["id:<jam@customer.test>", "id:<reply@customer.test>", "id:<ticket-42@helpdesk.test>", "person:alice@customer.test",
            "person:bob@customer.test", "subject:[hd-7] printer", "ticket:42", "ticket:7"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OfAsync_BounceOfOurMailAboutATicket_NamesTheBouncedMailAndItsTicket()
    {
        await using var host = await CoreTestHost.StartAsync();
        var requester = await host.AddPersonAsync("Lee Left", "left@customer.test");
        var ticketId = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer", RequestedForId = requester.Id }, Actor.System);
        await using var db = await host.DbAsync();
        db.Add(new OutboxMessage
        {
            MessageId = "<corpus-outbox-1@helpdesk.test>", Kind = "email_action", From = "support@helpdesk.test", To = "left@customer.test",
            Subject = "[HD-1] Your request was received", TextBody = "x", Status = OutboxStatus.Sent, TicketId = ticketId,
            CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        var raw = Parsing.InboundMailReaderTests.Fixture("dsn-postfix.eml");
        var message = InboundMailReader.Load(raw);
        var row = new InboundMessage { Mailbox = "test", ServerId = "1", MessageId = "<20261124090500.1A2B3C@mx.customer.test>", RawSha256 = "",
            SenderAddress = "mailer-daemon@mx.customer.test", Subject = message.Subject };

        var keys = await RelatedMailKeys.OfAsync(host.Get<IDbContextFactory<HelpdeskDbContext>>(), row, message, InboundMailReader.Read(message, raw), new InboundMailOptions(), _ => false, default);

        Assert.Contains("id:<corpus-outbox-1@helpdesk.test>", keys);
        Assert.Contains($"ticket:{ticketId}", keys);
    }

    [Fact]
    public async Task OfAsync_MailThatCouldNotBeRead_IsRelatedByItsStoredSenderSubjectAndMessageId()
    {
        await using var host = await CoreTestHost.StartAsync();
        var row = new InboundMessage { Mailbox = "test", ServerId = "1", MessageId = "<broken@customer.test>", RawSha256 = "", SenderAddress = "carol@customer.test", Subject = "Fwd: Scanner" };

        var keys = await RelatedMailKeys.OfAsync(host.Get<IDbContextFactory<HelpdeskDbContext>>(), row, null, null, new InboundMailOptions(), _ => false, default);

        Assert.Equal(["id:<broken@customer.test>", "person:carol@customer.test", "subject:scanner"], keys.Order(StringComparer.Ordinal));
    }
}
