using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Parsing;

namespace Helpdesk.Tests.Core.Mail.Inbound.Parsing;

public sealed class AutomatedMailDetectorTests
{
    private static AutomatedMailVerdict Classify(string fixture)
    {
        var raw = InboundMailReaderTests.Fixture(fixture);
        var message = InboundMailReader.Load(raw);
        return AutomatedMailDetector.Classify(message, InboundMailReader.Read(message, raw).FromAddress, new());
    }

    [Theory]
    [InlineData("plain.eml", AutomatedMailKind.None)]
    [InlineData("out-of-office.eml", AutomatedMailKind.AutoSubmitted)]
    [InlineData("mailing-list.eml", AutomatedMailKind.Bulk)]
    [InlineData("dsn-bounce.eml", AutomatedMailKind.Report)]
    public void Classify_Fixture_GivesKind(string fixture, AutomatedMailKind kind)
    {
        Assert.Equal(kind, Classify(fixture).Kind);
    }

    [Theory]
    [InlineData("Automatic reply: Printer jams", AutomatedMailKind.AutoSubmitted)]
    [InlineData("Automatische Antwort: Drucker", AutomatedMailKind.AutoSubmitted)]
    [InlineData("Réponse automatique : Imprimante", AutomatedMailKind.AutoSubmitted)]
    [InlineData("Respuesta automática: Impresora", AutomatedMailKind.AutoSubmitted)]
    [InlineData("Automatiskt svar: Skrivare", AutomatedMailKind.AutoSubmitted)]
    [InlineData("Out of Office AutoReply: Printer", AutomatedMailKind.AutoSubmitted)]
    [InlineData("Re: Automatic reply settings are broken", AutomatedMailKind.None)]
    [InlineData("Printer jams", AutomatedMailKind.None)]
    public void Classify_SubjectOfAnOutOfOfficeReplyWithoutItsHeaders_IsAutomated(string subject, AutomatedMailKind kind)
    {
        var message = new MimeKit.MimeMessage { Subject = subject, Body = new MimeKit.TextPart("plain") { Text = "I am away until Monday." } };
        message.From.Add(MimeKit.MailboxAddress.Parse("alice@customer.test"));

        var verdict = AutomatedMailDetector.Classify(message, "alice@customer.test", new());

        Assert.Equal(kind, verdict.Kind);
        if (kind != AutomatedMailKind.None) Assert.Equal("an out-of-office subject", verdict.Reason);
    }

    [Theory]
    [InlineData("dsn-postfix.eml", DeliveryReportKind.Failed, "<corpus-outbox-1@helpdesk.test>")]
    [InlineData("dsn-gmail-for-our-mail.eml", DeliveryReportKind.Failed, "<corpus-outbox-2@helpdesk.test>")]
    [InlineData("dsn-postfix-delayed.eml", DeliveryReportKind.Delayed, "<corpus-outbox-1@helpdesk.test>")]
    [InlineData("dsn-postfix-delivered.eml", DeliveryReportKind.Delivered, "<corpus-outbox-2@helpdesk.test>")]
    [InlineData("mdn-outlook-read.eml", DeliveryReportKind.Disposition, "<corpus-outbox-1@helpdesk.test>")]
    public void Classify_Report_SaysWhatBecameOfWhichMail(string fixture, DeliveryReportKind report, string original)
    {
        var verdict = Classify(fixture);

        Assert.Equal((AutomatedMailKind.Report, report, original), (verdict.Kind, verdict.Report, verdict.OriginalMessageId));
    }

    [Theory]
    [InlineData("delayed", "failed", DeliveryReportKind.Failed)]
    [InlineData("delayed", "delivered", DeliveryReportKind.Delayed)]
    [InlineData("relayed", "expanded", DeliveryReportKind.Delivered)]
    [InlineData("delivered", "", DeliveryReportKind.Failed)]
    public void Classify_ReportOnTwoRecipients_IsAsBadAsTheWorse(string first, string second, DeliveryReportKind report)
    {
        var message = InboundMailReader.Load(System.Text.Encoding.ASCII.GetBytes(
            "From: MAILER-DAEMON@mx.x.test\r\nSubject: Delivery report\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n" +
            "--b\r\nContent-Type: text/plain\r\n\r\nReport\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n" +
            "Reporting-MTA: dns; mx.x.test\r\n\r\n" +
            $"Final-Recipient: rfc822; a@y.test\r\nAction: {first}\r\nStatus: 4.4.1\r\n\r\n" +
            $"Final-Recipient: rfc822; b@y.test\r\n{(second == "" ? "" : $"Action: {second}\r\n")}Status: 5.1.1\r\n\r\n--b--\r\n"));

        Assert.Equal(report, AutomatedMailDetector.Classify(message, "mailer-daemon@mx.x.test", new()).Report);
    }

    [Theory]
    [InlineData("Warning: could not send message for past 4 hours", DeliveryReportKind.Delayed)]
    [InlineData("Delivery delayed: Printer", DeliveryReportKind.Delayed)]
    [InlineData("failure notice", DeliveryReportKind.Failed)]
    public void Classify_PlainTextReportFromMailerDaemon_ReadsTheSubject(string subject, DeliveryReportKind report)
    {
        var message = InboundMailReader.Load(System.Text.Encoding.ASCII.GetBytes($"From: MAILER-DAEMON@mx.x.test\r\nSubject: {subject}\r\n\r\nThe mail below.\r\n"));

        Assert.Equal(report, AutomatedMailDetector.Classify(message, "mailer-daemon@mx.x.test", new()).Report);
    }

    [Fact]
    public void Classify_Bounce_FindsTheMessageIdThatBounced()
    {
        Assert.Equal("<outbound-42@helpdesk.test>", Classify("dsn-bounce.eml").OriginalMessageId);
    }

    [Theory]
    [InlineData("Precedence: bulk", AutomatedMailKind.Bulk)]
    [InlineData("Precedence: junk", AutomatedMailKind.Bulk)]
    [InlineData("X-Auto-Response-Suppress: All", AutomatedMailKind.AutoSubmitted)]
    [InlineData("X-Auto-Response-Suppress: DR, RN", AutomatedMailKind.AutoSubmitted)]
    [InlineData("X-Auto-Response-Suppress: ", AutomatedMailKind.None)]
    [InlineData("Auto-Submitted: auto-generated", AutomatedMailKind.AutoSubmitted)]
    [InlineData("Auto-Submitted: no", AutomatedMailKind.None)]
    public void Classify_Header_GivesKind(string header, AutomatedMailKind kind)
    {
        var raw = System.Text.Encoding.ASCII.GetBytes($"From: a@x.test\r\nTo: s@h.test\r\n{header}\r\nSubject: hi\r\n\r\nbody\r\n");
        var message = InboundMailReader.Load(raw);

        Assert.Equal(kind, AutomatedMailDetector.Classify(message, "a@x.test", new()).Kind);
    }

    [Theory]
    [InlineData("List-Unsubscribe: <mailto:u@x.test>", "List-Unsubscribe")]
    [InlineData("X-Spam-Flag: YES", "X-Spam-Flag: YES")]
    [InlineData("X-Spam-Score: 7.2", "a spam score of 7.2")]
    [InlineData("X-Spam-Score: *******", "a spam score of 7")]
    [InlineData("Return-Path: <>", "a null Return-Path")]
    [InlineData("X-JIRA-FingerPrint: 5f1a", "the ticket system Jira (X-JIRA-FingerPrint)")]
    [InlineData("X-ServiceNow-Generated: true", "the ticket system ServiceNow (X-ServiceNow-Generated)")]
    [InlineData("X-Zendesk-From-Account-Id: 12", "the ticket system Zendesk (X-Zendesk-From-Account-Id)")]
    [InlineData("X-GitHub-Reason: mention", "the ticket system GitHub (X-GitHub-Reason)")]
    [InlineData("Precedence: list\r\nList-Id: acme/webapp <webapp.acme.github.com>\r\nX-GitHub-Reason: mention", "the ticket system GitHub (X-GitHub-Reason)")]
    public void Classify_AutomatedHeader_NamesTheRule(string header, string reason)
    {
        var verdict = Classify("a@x.test", header);

        Assert.True(verdict.IsAutomated);
        Assert.Contains(reason, verdict.Reason);
    }

    [Theory]
    [InlineData("X-Spam-Score: 2.1")]
    [InlineData("X-Spam-Flag: NO")]
    [InlineData("Return-Path: <a@x.test>")]
    public void Classify_HeaderBelowEveryRule_IsHuman(string header)
    {
        Assert.False(Classify("a@x.test", header).IsAutomated);
    }

    [Theory]
    [InlineData("noreply@shop.test", true)]
    [InlineData("no-reply@shop.test", true)]
    [InlineData("noreply-billing@shop.test", true)]
    [InlineData("notifications+abc@github.test", true)]
    [InlineData("root@server01.test", true)]
    [InlineData("bounces@list.test", true)]
    [InlineData("alertmanager@monitoring.test", true)]
    [InlineData("zabbix@monitoring.test", true)]
    [InlineData("nagios-prod@monitoring.test", true)]
    [InlineData("noreplyguy@shop.test", false)]
    [InlineData("rooted@shop.test", false)]
    public void Classify_SenderLocalPart_MatchesTheNoReplyList(string from, bool automated)
    {
        var verdict = Classify(from, "X-Other: 1");

        Assert.Equal(automated, verdict.IsAutomated);
        if (automated) Assert.Contains($"an automated sender address ({from}", verdict.Reason);
    }

    [Fact]
    public void Classify_ConfiguredLocalParts_ReplaceTheDefaults()
    {
        var rules = new AutomatedMailOptions { NoReplyLocalParts = ["robot"] };
        var message = InboundMailReader.Load(System.Text.Encoding.ASCII.GetBytes("From: robot@x.test\r\nSubject: hi\r\n\r\nbody\r\n"));

        Assert.True(AutomatedMailDetector.Classify(message, "robot@x.test", rules).IsAutomated);
        Assert.False(AutomatedMailDetector.Classify(message, "noreply@x.test", rules).IsAutomated);
    }

    [Theory]
    [InlineData("From: a@x.test\r\nReturn-Path: <>\r\nSubject: hi\r\n\r\nbody\r\n", "a@x.test")]
    [InlineData("To: s@h.test\r\nSubject: no sender at all\r\n\r\nbody\r\n", null)]
    [InlineData("From: MAILER-DAEMON@x.test\r\nSubject: Weekly statistics\r\n\r\nbody\r\n", "mailer-daemon@x.test")]
    public void Classify_NullReturnPathOrNoSenderOrDaemonWithoutReport_IsNoBounce(string mail, string? from)
    {
        var message = InboundMailReader.Load(System.Text.Encoding.ASCII.GetBytes(mail));

        Assert.NotEqual(AutomatedMailKind.Report, AutomatedMailDetector.Classify(message, from, new()).Kind);
    }

    [Fact]
    public void Classify_PlainTextDsnFromMailerDaemon_IsABounceWithTheOriginalMessageId()
    {
        var message = InboundMailReader.Load(System.Text.Encoding.ASCII.GetBytes(
            "From: MAILER-DAEMON@mx.x.test\r\nSubject: failure notice\r\n\r\nHi. This is the qmail-send program.\r\n--- Below this line is a copy of the message.\r\n\r\nMessage-ID: <sent-5@helpdesk.test>\r\nSubject: x\r\n"));

        var verdict = AutomatedMailDetector.Classify(message, "mailer-daemon@mx.x.test", new());

        Assert.Equal((AutomatedMailKind.Report, "<sent-5@helpdesk.test>"), (verdict.Kind, verdict.OriginalMessageId));
    }

    private static AutomatedMailVerdict Classify(string from, string header)
    {
        var message = InboundMailReader.Load(System.Text.Encoding.ASCII.GetBytes($"From: {from}\r\nTo: s@h.test\r\n{header}\r\nSubject: hi\r\n\r\nbody\r\n"));
        return AutomatedMailDetector.Classify(message, from, new());
    }
}
