using System.Net;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

public enum CorpusOutcome
{
    /// <summary>A new request.</summary>
    Ticket,

    /// <summary>A note on the ticket of the mail (or "HD-n") named in <see cref="CorpusCase.On"/>.</summary>
    Note,
    Quarantined,

    /// <summary>The same bytes as the mail named in <see cref="CorpusCase.On"/>.</summary>
    Duplicate,
    Ignored,
}

/// <param name="Reason">For a quarantine, in the error; otherwise in the outcome (e.g. which automated rule matched).</param>
/// <param name="Body">In the text of the case-log entry the mail made.</param>
/// <param name="Folded">For a note: in the quoted history its HTML folds (<see cref="QuotedHistory"/>); a note without it folds nothing.</param>
public sealed record CorpusCase(string File, CorpusOutcome Outcome, string? On = null, string? Subject = null, string? Sender = null,
    string? Body = null, string[]? Attachments = null, string? Reason = null, string? FromHeader = null, string? Folded = null)
{
    public override string ToString() => File;
}

/// <summary>The whole fixture corpus through store and processing: what became of each mail, and that none vanished.</summary>
public sealed class InboundCorpusTests(InboundCorpusRun run) : IClassFixture<InboundCorpusRun>
{
    private const string NoAnswer = "No automatic answer was sent: automated mail";

    public static readonly TheoryData<CorpusCase> Cases =
    [
        new("broken-mime.eml", CorpusOutcome.Ticket, Subject: "Broken mail", Sender: "alice@customer.test", Body: "The body survives.",
            Attachments: ["data.bin.undecoded.txt"]),
        new("cron-sender.eml", CorpusOutcome.Ticket, Subject: "Cron <root@server01> /usr/local/bin/backup.sh", Sender: "cron@server01.customer.test",
            Body: "/srv/data is full", Reason: "local part \"cron\""),
        new("dsn-bounce.eml", CorpusOutcome.Ignored, Sender: "mailer-daemon@mail.customer.test", Reason: "delivery status notification (bounce)"),
        new("dsn-exchange.eml", CorpusOutcome.Ignored, Sender: "postmaster@corp.partner.test", Reason: "delivery status notification (bounce)"),
        new("dsn-gmail.eml", CorpusOutcome.Ignored, Sender: "mailer-daemon@googlemail.com", Reason: "delivery status notification (bounce)"),
        new("dsn-postfix.eml", CorpusOutcome.Note, On: "HD-1", Sender: "mailer-daemon@mx.customer.test", Body: "550 5.1.1 User unknown",
            Attachments: ["[HD-1] Your request was received.eml", "attachment-1.txt"], Reason: "A bounce of our mail to left@customer.test"),
        new("dsn-postfix-delayed.eml", CorpusOutcome.Note, On: "HD-1", Subject: "Delayed Mail (still being retried)", Sender: "mailer-daemon@mx.helpdesk.test",
            Body: "is not delivered yet: a mail server reports a delay and keeps trying", Attachments: ["[HD-1] Your request was received.eml", "attachment-1.txt"],
            Reason: "A delay warning for our mail to left@customer.test about HD-1"),
        new("dsn-postfix-delivered.eml", CorpusOutcome.Ignored, Sender: "mailer-daemon@mx.helpdesk.test",
            Reason: "Not processed: a delivery status notification of a delivery of our mail <corpus-outbox-2@helpdesk.test> to moved.away@gmail.com."),
        new("forwarded-rfc822.eml", CorpusOutcome.Ticket, Subject: "Fwd: Strange mail", Body: "Is this phishing?", Attachments: ["You won a prize.eml"]),
        new("garbage.bin", CorpusOutcome.Quarantined, Reason: "not"),
        new("gb2312-8bit-headers.eml", CorpusOutcome.Ticket, Subject: "会议室的打印机无法打印文件，请尽快派人修理", Sender: "zhang@customer.test",
            Body: "三楼会议室的打印机", FromHeader: "张伟"),
        new("gb2312-base64.eml", CorpusOutcome.Ticket, Subject: "打印机故障", Body: "你好，打印机坏了"),
        new("html-escaped-markup.eml", CorpusOutcome.Ticket, Subject: "Our template shows markup as text", Sender: "dana@customer.test",
            Body: "shows as text instead of a line break"),
        new("html-with-empty-plain-alternative.eml", CorpusOutcome.Ticket, Subject: "Drucker im 2. Stock", Sender: "hans.mueller@customer.test",
            Body: "der Drucker im 2. Stock druckt nur leere Seiten.", FromHeader: "Müller, Hans"),
        new("html-table-alert.eml", CorpusOutcome.Ticket, Subject: "Problem: High CPU utilization on db01", Sender: "zabbix@monitoring.customer.test",
            Body: "db01.customer.test", Reason: "local part \"zabbix\""),
        new("html-inline-image.eml", CorpusOutcome.Ticket, Subject: "Screenshot of the error", Body: "error 500", Attachments: ["image-1.png"]),
        new("invalid-from-with-envelope.eml", CorpusOutcome.Ticket, Subject: "My mail program mangles the From", Sender: "dave@customer.test",
            Body: "The envelope knows who I am.", Reason: "the sender was taken from the envelope (Return-Path)", FromHeader: "dave at customer dot test"),
        new("invalid-from.eml", CorpusOutcome.Quarantined, Reason: "No usable sender: The From header \"The Support Team of Nowhere\" has no usable address",
            FromHeader: "The Support Team of Nowhere"),
        new("iso2022jp.eml", CorpusOutcome.Ticket, Subject: "プリンターが故障しました", Body: "会議室のプリンターが動きません"),
        new("jira-1-new.eml", CorpusOutcome.Ticket, Subject: "[JIRA] (OPS-123) Database failover test fails", Sender: "jira@acme.atlassian.net",
            Body: "Jane Doe created OPS-123", Reason: "It mirrors OPS-123 of Jira (acme.atlassian.net)."),
        new("jira-2-followup.eml", CorpusOutcome.Note, On: "jira-1-new.eml", Sender: "jira@acme.atlassian.net", Body: "the standby had no free disk space",
            Reason: NoAnswer + " (Auto-Submitted: auto-generated)"),
        new("junk-before-headers.eml", CorpusOutcome.Ticket, Subject: "Saved by an archiving tool", Sender: "bob@customer.test",
            Body: "The archive tool put two lines above my headers."),
        new("known-person-without-name.eml", CorpusOutcome.Ticket, Subject: "My name is missing in your system", Sender: "erin@customer.test"),
        new("koi8r-8bit-headers.eml", CorpusOutcome.Ticket, Subject: "Не работает принтер в переговорной комнате на третьем этаже",
            Sender: "ivan@customer.test", Body: "принтер в переговорной комнате", FromHeader: "Иван Петров"),
        new("latin1-qp.eml", CorpusOutcome.Ticket, Subject: "Kaffeemaschine in Küche defekt", Sender: "joerg@customer.test", Body: "Grüße aus München"),
        new("long-subject.eml", CorpusOutcome.Ticket, Subject: "Very long subject ", Body: "998 characters long"),
        new("mailing-list.eml", CorpusOutcome.Ticket, Subject: "Our November newsletter", Reason: "(List-Id)"),
        new("mbox-envelope.eml", CorpusOutcome.Ticket, Subject: "Mbox export of my question", Sender: "bob@customer.test", Body: "asks for a token twice"),
        new("mdn-outlook-read.eml", CorpusOutcome.Ignored, Sender: "left@customer.test",
            Reason: "Not processed: a read receipt (\"displayed\") of our mail <corpus-outbox-1@helpdesk.test> to left@customer.test."),
        new("monitoring-parameters.eml", CorpusOutcome.Ticket, Subject: "CRITICAL: web01 HTTP down", Sender: "nnm@monitoring.test"),
        new("multiple-text-parts.eml", CorpusOutcome.Ticket, Subject: "Screenshot and more details",
            Body: "First part: the CRM shows an error.", Attachments: ["image-1.png"]),
        new("nameless-attachment.eml", CorpusOutcome.Ticket, Subject: "Invoice", Body: "Invoice attached.", Attachments: ["attachment-1.pdf"]),
        new("no-from-reply-to.eml", CorpusOutcome.Ticket, Subject: "Sent from a web form without a From", Sender: "carol@customer.test",
            Body: "Please reset my password.", Reason: "The mail has no From; the sender was taken from Reply-To."),
        new("no-message-id.eml", CorpusOutcome.Ticket, Subject: "No id"),
        new("noreply-sender.eml", CorpusOutcome.Ticket, Subject: "Your order 4711 was shipped", Sender: "noreply@shop.test",
            Reason: "local part \"noreply\""),
        new("out-of-office.eml", CorpusOutcome.Note, On: "HD-7", Sender: "alice@customer.test", Reason: NoAnswer + " (Auto-Submitted: auto-replied)"),
        new("plain.eml", CorpusOutcome.Ticket, Subject: "Printer on 3rd floor jams", Sender: "alice@customer.test", Body: "the printer jams on every page"),
        new("reply-gmail-html.eml", CorpusOutcome.Note, On: "plain.eml", Sender: "alice@customer.test", Body: "Your technician fixed it this morning – thank you!",
            Folded: "the printer jams on every page."),
        new("reply-outlook-html.eml", CorpusOutcome.Note, On: "plain.eml", Sender: "alice@customer.test",
            Body: "The new drum unit did not help either; it jams on the first page now.", Folded: "the printer jams on every page."),
        new("reply-to-inbound-mail.eml", CorpusOutcome.Note, On: "plain.eml", Body: "It also jams on the 4th floor now.",
            Reason: "a reply to a mail received about it"),
        new("reused-message-id-1.eml", CorpusOutcome.Ticket, Subject: "Disk check on db01", Body: "/var is 91% full"),
        new("reused-message-id-2.eml", CorpusOutcome.Ticket, Subject: "Certificate check on web02", Body: "expires in 5 days",
            Reason: "The Message-ID <alert@tools.customer.test> was used before by #"),
        new("rfc2231-filename.eml", CorpusOutcome.Ticket, Subject: "Log files", Attachments: ["Réseau - journal du routeur.txt"]),
        new("servicenow-1-new.eml", CorpusOutcome.Ticket, Subject: "Incident INC0012345 has been assigned to your group", Sender: "acme@service-now.com",
            Reason: "mail from the ticket system ServiceNow (X-ServiceNow-Generated)"),
        new("servicenow-2-followup.eml", CorpusOutcome.Note, On: "servicenow-1-new.eml", Body: "partner.test changed its SPF record",
            Reason: "INC0012345 of ServiceNow (service-now.com), which it mirrors"),
        new("shift-jis-8bit-headers.eml", CorpusOutcome.Ticket, Subject: "会議室のプリンターが動かないので修理をお願いします", Sender: "taro@customer.test",
            Body: "紙詰まりのエラー", FromHeader: "山田太郎"),
        new("tnef-winmail.eml", CorpusOutcome.Ticket, Subject: "Report from Outlook", Attachments: ["report.txt"]),
        new("outlook-tnef-body.eml", CorpusOutcome.Ticket, Subject: "Scanner on floor 3 jams", Sender: "olivia@customer.test",
            Body: "jams</b> on every second page.", Attachments: ["jam-log.txt"]),
        new("outlook-tnef-rtf-only.eml", CorpusOutcome.Ticket, Subject: "VPN drops hourly", Sender: "olivia@customer.test",
            Body: "The VPN drops every hour.\nThanks, Olivia", Attachments: ["body.rtf"]),
        new("uuencode-without-begin.eml", CorpusOutcome.Ticket, Subject: "Log file from the old mail client",
            Body: "(uuencode without a begin line); it is attached as it came, as server.log.undecoded.txt.", Attachments: ["server.log.undecoded.txt"]),
        new("wrong-charset-ascii-declared.eml", CorpusOutcome.Ticket, Subject: "Drucker in der Kueche", Body: "Der Drucker in der Küche druckt nur Striche – bitte prüfen."),
        new("wrong-charset-latin1-declared.eml", CorpusOutcome.Ticket, Subject: "Kaffeeautomat", Body: "zeigt „Störung“ an – Grüße, Jörg"),
        new("wrong-charset-utf8-declared.eml", CorpusOutcome.Ticket, Subject: "Heizung im Buero", Body: "Die Heizung im Büro ist kalt. Schöne Grüße aus München"),
        new("zz-duplicate-of-plain.eml", CorpusOutcome.Duplicate, On: "plain.eml", Subject: "Printer on 3rd floor jams"),
        new("alertmanager-firing.eml", CorpusOutcome.Ticket, Subject: "[FIRING:1] InstanceDown (node01.customer.test:9100 node critical)",
            Sender: "alertmanager@monitoring.customer.test", Body: "has been down for more than 5 minutes.", Reason: "local part \"alertmanager\""),
        new("apple-mail-image-between-text.eml", CorpusOutcome.Ticket, Subject: "VPN client error after the update", Sender: "bob@customer.test",
            Body: "After clicking OK it closes itself.", Attachments: ["Screenshot 2026-11-24 at 09.58.12.png"]),
        new("calendar-invite.eml", CorpusOutcome.Ticket, Subject: "Einladung: Printer replacement meeting", Sender: "alice@customer.test",
            Body: "Let us decide on the printer replacement on Thursday at 10:00 in room 3.14.", Attachments: ["attachment-1.ics", "invite.ics"]),
        new("dsn-gmail-for-our-mail.eml", CorpusOutcome.Note, On: "HD-1", Subject: "Delivery Status Notification (Failure)", Sender: "mailer-daemon@googlemail.com",
            Body: "550 5.1.1 The email account that you tried to reach does not exist.", Reason: "A bounce of our mail to moved.away@gmail.com",
            Attachments: ["[HD-1] Your request was updated.eml", "attachment-1.txt"]),
        new("github-1-issue.eml", CorpusOutcome.Ticket, Subject: "[acme/webapp] Login fails with SSO since 2.4 (Issue #42)", Sender: "notifications@github.com",
            Body: "Since release 2.4 the SSO login redirects back to the login page.", Reason: "mail from the ticket system GitHub (X-GitHub-"),
        new("github-2-comment.eml", CorpusOutcome.Note, On: "github-1-issue.eml", Subject: "Re: [acme/webapp] Login fails with SSO since 2.4 (Issue #42)",
            Sender: "notifications@github.com", Body: "The session cookie lacks SameSite=None; fixed in #43.", Reason: "mail from the ticket system GitHub (X-GitHub-"),
        new("iso2022jp-split-words.eml", CorpusOutcome.Ticket, Subject: "会議室のプロジェクターが映りません", Sender: "hanako@customer.test",
            Body: "プロジェクターの電源は入りますが、画面に何も表示されません。", FromHeader: "鈴木花子"),
        new("scanner-pdf-only.eml", CorpusOutcome.Ticket, Subject: "Scanned document", Sender: "frank@customer.test", Attachments: ["scan_0001.pdf"]),
        new("thunderbird-openpgp-signed.eml", CorpusOutcome.Ticket, Subject: "VPN certificate expired", Sender: "petra.lange@customer.test",
            Body: "the VPN client says my certificate expired yesterday. Could you issue a new one?\n\nThanks, Petra\n\nThe mail is signed (OpenPGP); the signature is not checked here"),
        new("thunderbird-flowed-reply.eml", CorpusOutcome.Note, On: "plain.eml", Subject: "Re: Printer on 3rd floor jams", Sender: "joerg@customer.test",
            Body: "we replaced the toner cartridge and cleaned the rollers, but the printer still jams on every second page. The display shows \"Papierstau Fach 2\" – schöne Grüße aus München.",
            Folded: "> the printer jams on every page."),
    ];

    [Fact]
    public async Task ProcessPendingAsync_WholeCorpus_EveryFileEndsWithItsOwnFinishedRow()
    {
        await using var db = await run.Host.DbAsync();

        Assert.Equal(run.FileCount, await db.Set<InboundMessage>().CountAsync());
        Assert.Equal(0, await db.Set<InboundMessage>().CountAsync(m => m.Status == InboundStatus.Received));
        Assert.Equal(run.FileCount, Cases.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ProcessPendingAsync_CorpusMail_EndsAsExpected(CorpusCase expected)
    {
        await using var db = await run.Host.DbAsync();
        var row = await db.Set<InboundMessage>().SingleAsync(m => m.Id == run.RowOf[expected.File]);
        var said = $"{expected.File}: {row.Status} {row.Outcome}{row.Error}";

        if (expected.Sender is not null) Assert.True(expected.Sender == row.SenderAddress, said);
        if (expected.FromHeader is not null) Assert.Contains(expected.FromHeader, row.From);
        if (expected.Subject is not null && expected.File != "long-subject.eml") Assert.True(expected.Subject == row.Subject, $"{said}: subject {row.Subject}");
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(InboundCorpusRun.Folder, expected.File)), await run.Host.Get<InboundMailStore>().ReadRawAsync(row, default));
        switch (expected.Outcome)
        {
            case CorpusOutcome.Quarantined:
                Assert.True(row.Status == InboundStatus.Quarantined, said);
                Assert.Contains(expected.Reason!, row.Error);
                return;
            case CorpusOutcome.Ignored:
                Assert.True(row.Status == InboundStatus.Ignored, said);
                Assert.Contains(expected.Reason!, row.Outcome);
                return;
            case CorpusOutcome.Duplicate:
                Assert.True(row.Status == InboundStatus.Ignored, said);
                Assert.StartsWith($"Duplicate of #{run.RowOf[expected.On!]}:", row.Outcome);
                Assert.Equal(expected.Subject, row.Subject);
                return;
        }

        Assert.True(row.Status == InboundStatus.Processed, said);
        if (expected.Reason is not null) Assert.Contains(expected.Reason, row.Outcome);
        var ticket = await db.Set<Ticket>().SingleAsync(t => t.Id == row.TicketId);
        var entries = db.Set<CaseLogEntry>().Include(e => e.Attachments).Where(e => e.TicketId == ticket.Id);
        CaseLogEntry? entry;
        if (expected.Outcome == CorpusOutcome.Note)
        {
            var onTicket = expected.On!.StartsWith("HD-") ? int.Parse(expected.On[3..])
                : (await db.Set<InboundMessage>().SingleAsync(m => m.Id == run.RowOf[expected.On])).TicketId;
            Assert.True(onTicket == ticket.Id, said);
            entry = await entries.OrderBy(e => e.Id).LastOrDefaultAsync(e => e.SourceMessageId == row.MessageId);
            var fold = entry?.Html.IndexOf($"<details><summary>{QuotedHistory.Label}</summary>", StringComparison.Ordinal) ?? -1;
            if (expected.Folded is null) Assert.True(fold < 0, said);
            else
            {
                Assert.True(fold >= 0, said);
                Assert.Contains(expected.Folded, WebUtility.HtmlDecode(entry!.Html[fold..]));
                Assert.Contains(expected.Body ?? "", WebUtility.HtmlDecode(entry.Html[..fold]));
            }
        }
        else
        {
            Assert.Equal(expected.Subject, expected.File == "long-subject.eml" ? ticket.Subject[..18] : ticket.Subject);
            entry = await entries.OrderBy(e => e.Id).FirstOrDefaultAsync();
        }
        if (expected.Body is not null) Assert.Contains(expected.Body, entry?.Text);
        Assert.Equal(expected.Attachments ?? [], entry?.Attachments.Select(a => a.FileName).Order().ToArray() ?? []);
    }

    [Fact]
    public async Task ProcessPendingAsync_LongSubject_KeepsAll998Characters()
    {
        await using var db = await run.Host.DbAsync();
        var row = await db.Set<InboundMessage>().SingleAsync(m => m.Id == run.RowOf["long-subject.eml"]);

        var subject = (await db.Set<Ticket>().SingleAsync(t => t.Id == row.TicketId)).Subject;

        Assert.Equal(998, subject.Length);
        Assert.EndsWith("THE END", subject);
        Assert.Equal(subject, row.Subject);
    }

    [Fact]
    public async Task ProcessPendingAsync_AutomatedSendersAndBounces_GetNoAutomaticAnswer()
    {
        await using var db = await run.Host.DbAsync();
        var automated = new[] { "noreply@shop.test", "cron@server01.customer.test", "jira@acme.atlassian.net", "acme@service-now.com",
            "news@vendor.test", "mailer-daemon@mx.customer.test", "postmaster@corp.partner.test", "mailer-daemon@googlemail.com",
            "alertmanager@monitoring.customer.test", "notifications@github.com" };

        var answered = await db.Set<OutboxMessage>().Where(m => automated.Contains(m.To)).Select(m => m.To).ToListAsync();

        Assert.Empty(answered);
    }

    [Fact]
    public async Task ProcessPendingAsync_BounceOrDelayOfATicketsMail_IsAPrivateNoteThereAndOnlyTheBounceMarksTheOutboxRow()
    {
        await using var db = await run.Host.DbAsync();

        var notes = await db.Set<CaseLogEntry>().Where(e => e.TicketId == run.SeededTicketId && e.Log == CaseLogKind.Private)
            .OrderBy(e => e.Id).Select(e => e.Text).ToListAsync();
        var outbox = await db.Set<OutboxMessage>().Where(m => m.MessageId.StartsWith("<corpus-outbox-")).ToListAsync();

        Assert.Collection(notes, // in corpus order: the Gmail report sorts before Postfix's, its delay before its bounce
            gmail => Assert.StartsWith("Our mail <corpus-outbox-2@helpdesk.test> to moved.away@gmail.com could not be delivered", gmail),
            delay => Assert.StartsWith("Our mail <corpus-outbox-1@helpdesk.test> to left@customer.test is not delivered yet", delay),
            postfix => Assert.StartsWith("Our mail <corpus-outbox-1@helpdesk.test> to left@customer.test could not be delivered", postfix));
        Assert.All(outbox, m => Assert.NotNull(m.BouncedAt));
        Assert.Equal(2, outbox.Count);
    }

    [Theory]
    [InlineData("servicenow-1-new.eml", "ServiceNow (service-now.com)", "INC0012345")]
    [InlineData("jira-1-new.eml", "Jira (acme.atlassian.net)", "OPS-123")]
    public async Task ProcessPendingAsync_ExternalTicketNumber_IsShownOnTheMirroringTicket(string file, string system, string number)
    {
        await using var db = await run.Host.DbAsync();
        var row = await db.Set<InboundMessage>().SingleAsync(m => m.Id == run.RowOf[file]);

        var ticket = await db.Set<Ticket>().SingleAsync(t => t.Id == row.TicketId);
        var shown = (await run.Host.Get<TicketDetailsQuery>().ExecuteAsync(ticket.Id, Actor.System))!.MailApi.ExternalTicket;

        Assert.Equal((system, number), (ticket.ExternalSystem, ticket.ExternalNumber));
        Assert.Equal($"{number} in {system}", shown);
    }

    [Fact]
    public async Task ProcessPendingAsync_KnownPersonNames_StoredNameKeptAndAnAddressOnlyNameFilled()
    {
        await using var db = await run.Host.DbAsync();

        var names = await db.Set<Person>().Where(p => p.PrimaryEmail == "erin@customer.test" || p.PrimaryEmail == "alice@customer.test")
            .OrderBy(p => p.PrimaryEmail).Select(p => p.Name).ToListAsync();

        Assert.Equal(["Alice Walker", "Erin Blake"], names);
        Assert.Contains("The sender's stored name was only their address; it is now \"Erin Blake\"", await OutcomeAsync(db, "known-person-without-name.eml"));
        Assert.Contains("The mail names the sender \"John Roe (Jira)\"; the stored name \"Jane Doe (Jira)\" was kept.", await OutcomeAsync(db, "jira-2-followup.eml"));
    }

    private async Task<string?> OutcomeAsync(Helpdesk.Core.Persistence.HelpdeskDbContext db, string file) =>
        (await db.Set<InboundMessage>().SingleAsync(m => m.Id == run.RowOf[file])).Outcome;

    [Theory]
    [InlineData("multiple-text-parts.eml", "First part", "Second part, after the image", "since Monday")]
    [InlineData("apple-mail-image-between-text.eml", "the VPN client shows this", "After clicking OK it closes itself", "three Macs")]
    public async Task ProcessPendingAsync_TextAroundAnImage_IsInTheBodyInOrder(string file, string first, string second, string third)
    {
        await using var db = await run.Host.DbAsync();
        var row = await db.Set<InboundMessage>().SingleAsync(m => m.Id == run.RowOf[file]);

        var text = (await db.Set<CaseLogEntry>().FirstAsync(e => e.TicketId == row.TicketId)).Text;

        var at = new[] { first, second, third }.Select(part => text.IndexOf(part, StringComparison.Ordinal)).ToArray();
        Assert.True(at[0] >= 0 && at[1] > at[0] && at[2] > at[1], text);
    }
}
