using System.Text;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.MailStack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Helpdesk.Tests.Core.Mail.Outbound;

public sealed class OutboxSendStageTests
{
    private static Task<CoreTestHost> StartAsync(string transport = "Pickup", int smtpPort = MailStackServer.SmtpPort, string? userName = null, string? password = null) =>
        CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Outbound:Transport"] = transport,
            ["Mail:Outbound:SmtpHost"] = MailStackServer.Host,
            ["Mail:Outbound:SmtpPort"] = smtpPort.ToString(),
            ["Mail:Outbound:SmtpSecurity"] = "None",
            ["Mail:Outbound:MaxAttempts"] = "3",
            ["Mail:Outbound:SmtpUserName"] = userName,
            ["Mail:Outbound:SmtpPassword"] = password,
        });

    private static async Task<OutboxMessage> QueueAsync(CoreTestHost host, string to, string bcc = "", params StagedFile[] files)
    {
        await using var db = await host.DbAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            MessageId = $"<{Guid.NewGuid():N}@helpdesk.test>", TicketId = null, Kind = "email_action",
            From = "Helpdesk <support@helpdesk.test>", To = to, Bcc = bcc, Subject = "[HD-5] Your printer",
            TextBody = "We replaced the toner.", InReplyTo = "<ticket-5@helpdesk.test>", References = "<ticket-5@helpdesk.test>",
            AutoSubmitted = false, Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            Attachments = [.. files.Select(f => new OutboxAttachment { FileName = f.FileName, ContentType = f.ContentType, Sha256 = f.Sha256, Size = f.Size })],
        };
        db.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    private static async Task<OutboxMessage> ReloadAsync(CoreTestHost host, long id)
    {
        await using var db = await host.DbAsync();
        return await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task ProcessDueAsync_Pickup_WritesOneEmlPerMessageIdEvenWhenResent()
    {
        await using var host = await StartAsync();
        var queued = await QueueAsync(host, "alice@customer.test");
        var stage = host.Get<OutboxSendStage>();

        Assert.Equal(1, await stage.ProcessDueAsync(default));
        await using (var db = await host.DbAsync())
            await db.Set<OutboxMessage>().Where(m => m.Id == queued.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending));
        await stage.ProcessDueAsync(default);

        var file = Assert.Single(Directory.GetFiles(host.Get<PickupFolderTransport>().Folder, "*.eml"));
        var written = await MimeMessage.LoadAsync(file);
        Assert.Equal($"<{written.MessageId}>", queued.MessageId);
        var sent = await ReloadAsync(host, queued.Id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.NotNull(sent.RawSha256);
    }

    [Fact]
    public async Task ProcessDueAsync_SmallAndLargeMail_SmallRawCopyIsARowOfTheSendsCommitAndTheLargeOneAFile()
    {
        await using var host = await StartAsync();
        var picture = await host.Get<BlobStore>().StageAsync("photo.jpg", "image/jpeg", new MemoryStream(new byte[100 * 1024]), default);
        var small = await QueueAsync(host, "alice@customer.test");
        var large = await QueueAsync(host, "bob@customer.test", files: picture);

        Assert.Equal(2, await host.Get<OutboxSendStage>().ProcessDueAsync(default));

        var (smallSha, largeSha) = ((await ReloadAsync(host, small.Id)).RawSha256!, (await ReloadAsync(host, large.Id)).RawSha256!);
        await using var db = await host.DbAsync();
        Assert.True(await db.Set<StoredBlob>().AnyAsync(b => b.Sha256 == smallSha));
        Assert.False(await db.Set<StoredBlob>().AnyAsync(b => b.Sha256 == largeSha));
        Assert.True(File.Exists(Path.Combine(host.DataFolder, "attachments", largeSha[..2], largeSha)));
        foreach (var (sha, to) in new[] { (smallSha, "alice@customer.test"), (largeSha, "bob@customer.test") })
        {
            await using var raw = host.Get<BlobStore>().OpenRead(sha);
            Assert.Equal(to, (await MimeMessage.LoadAsync(raw)).To.Mailboxes.Single().Address);
        }
    }

    [Fact]
    public void Compose_HeadersAndBcc_AreAsStored()
    {
        var composer = new MimeComposer(null!);
        var (message, recipients) = composer.Compose(new OutboxMessage
        {
            MessageId = "<abc@helpdesk.test>", Kind = "k", From = "support@helpdesk.test", To = "a@x.test", Cc = "b@x.test", Bcc = "secret@x.test, A@x.test",
            Subject = "S", TextBody = "T", InReplyTo = "<ticket-9@helpdesk.test>", References = "<ticket-9@helpdesk.test> <prev@helpdesk.test>",
            AutoSubmitted = true, TicketId = 9, CreatedAt = DateTime.UtcNow,
        });

        Assert.Equal("abc@helpdesk.test", message.MessageId);
        Assert.Equal(["ticket-9@helpdesk.test", "prev@helpdesk.test"], message.References);
        Assert.Equal("auto-generated", message.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal("HD-9", message.Headers["X-Helpdesk-Ticket"]);
        Assert.Empty(message.Bcc);
        Assert.Equal(["a@x.test", "b@x.test", "secret@x.test"], recipients.Select(r => r.Address));
    }

    [Fact]
    public async Task Compose_PartsThatNeedEncoding_HoldTheirContentEncodedOnceAndEveryWriteIsTheSameBytes()
    {
        await using var host = await StartAsync();
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        var picture = await host.Get<BlobStore>().StageAsync("Übersicht.png", "image/png", new MemoryStream(bytes), default);
        var (text, html) = ("Schöne Grüße,\nIhr Helpdesk — erledigt.", "<p>" + string.Concat(Enumerable.Repeat("Schöne Grüße vom Helpdesk. ", 80)) + "</p>");
        var (message, _) = host.Get<MimeComposer>().Compose(new OutboxMessage
        {
            MessageId = "<abc@helpdesk.test>", Kind = "k", From = "support@helpdesk.test", To = "a@x.test", Subject = "Grüße", TextBody = text, HtmlBody = html,
            Attachments = [new OutboxAttachment { FileName = picture.FileName, ContentType = picture.ContentType, Sha256 = picture.Sha256, Size = picture.Size }],
            CreatedAt = DateTime.UtcNow,
        });

        // The raw copy, MailKit's SIZE measure and its DATA each write the mail: none of them encodes it again.
        var parts = message.BodyParts.OfType<MimePart>().ToList();
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.Equal(p.ContentTransferEncoding, p.Content!.Encoding));
        Assert.All(parts, p => Assert.True(p.ContentTransferEncoding is ContentEncoding.QuotedPrintable or ContentEncoding.Base64, p.ContentType.MimeType));
        var writes = Enumerable.Range(0, 2).Select(_ =>
        {
            using var raw = new MemoryStream();
            message.WriteTo(MimeComposer.WireFormat, raw);
            return raw.ToArray();
        }).ToList();
        Assert.Equal(writes[0], writes[1]);
        var read = MimeMessage.Load(new MemoryStream(writes[0]));
        Assert.Equal(text, read.TextBody!.TrimEnd());
        Assert.Equal(html, read.HtmlBody!.TrimEnd());
        using var attachment = new MemoryStream();
        ((MimePart)read.Attachments.Single()).Content!.DecodeTo(attachment);
        Assert.Equal(bytes, attachment.ToArray());
    }

    [Theory]
    [InlineData(MimeComposer.MaxLineLength, false)]
    [InlineData(MimeComposer.MaxLineLength + 1, true)]
    public async Task Compose_AsciiText_StaysUnencodedUpToTheSmtpLineLimit(int lineLength, bool encoded)
    {
        await using var host = await StartAsync();
        var line = string.Concat(Enumerable.Repeat("The VPN drops every few minutes. ", 40))[..lineLength];
        var text = $"Hello,\n{line}\nRegards";

        var (message, _) = host.Get<MimeComposer>().Compose(new OutboxMessage
        {
            MessageId = "<abc@helpdesk.test>", Kind = "k", From = "support@helpdesk.test", To = "a@x.test", Subject = "S", TextBody = text,
            CreatedAt = DateTime.UtcNow,
        });

        var part = message.BodyParts.OfType<TextPart>().Single();
        Assert.Equal(encoded, part.ContentTransferEncoding == ContentEncoding.QuotedPrintable);
        using var raw = new MemoryStream();
        message.WriteTo(MimeComposer.WireFormat, raw);
        Assert.Equal(!encoded, Encoding.ASCII.GetString(raw.ToArray()).Contains($"\r\n{line}\r\n"));
        Assert.Equal(text, MimeMessage.Load(new MemoryStream(raw.ToArray())).TextBody!.TrimEnd().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ProcessDueAsync_MissingAttachment_FailsPermanentlyWithClearError()
    {
        await using var host = await StartAsync();
        var ghost = new StagedFile("ghost.pdf", "application/pdf", 3, new string('a', 64));
        var queued = await QueueAsync(host, "alice@customer.test", files: ghost);

        await host.Get<OutboxSendStage>().ProcessDueAsync(default);

        var failed = await ReloadAsync(host, queued.Id);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal("The attachment \"ghost.pdf\" is missing from the file store.", failed.LastError);
    }

    [Fact]
    public async Task ProcessDueAsync_ServerDown_RetriesWithDoublingBackoffThenFails()
    {
        await using var host = await StartAsync("Smtp", smtpPort: 1);
        var queued = await QueueAsync(host, "alice@customer.test");
        var stage = host.Get<OutboxSendStage>();
        var start = host.Clock.GetUtcNow().UtcDateTime;

        await stage.ProcessDueAsync(default);
        var first = await ReloadAsync(host, queued.Id);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await stage.ProcessDueAsync(default);
        var second = await ReloadAsync(host, queued.Id);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await stage.ProcessDueAsync(default);
        var third = await ReloadAsync(host, queued.Id);

        Assert.Equal((OutboxStatus.Pending, 1), (first.Status, first.Attempts));
        Assert.Contains("not reachable", first.LastError);
        Assert.Equal(start.AddSeconds(30), first.NextAttemptAt);
        Assert.Equal(start.AddSeconds(30 + 60), second.NextAttemptAt);
        Assert.Equal((OutboxStatus.Pending, 2), (second.Status, second.Attempts));
        Assert.Equal((OutboxStatus.Failed, 3), (third.Status, third.Attempts));
    }

    [Fact]
    public async Task ResendOutboxMessageCommand_Failed_QueuesItAgainWithSameMessageId()
    {
        await using var host = await StartAsync("Smtp", smtpPort: 1);
        var queued = await QueueAsync(host, "alice@customer.test");
        await using (var db = await host.DbAsync())
            await db.Set<OutboxMessage>().ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.Attempts, 3));

        await host.Get<ResendOutboxMessageCommand>().ExecuteAsync(queued.Id);

        var resent = await ReloadAsync(host, queued.Id);
        Assert.Equal((OutboxStatus.Pending, 0, queued.MessageId), (resent.Status, resent.Attempts, resent.MessageId));
    }

    [Fact]
    public async Task ResendOutboxMessageCommand_Failed_WakesTheSender()
    {
        await using var host = await StartAsync("Smtp", smtpPort: 1);
        var queued = await QueueAsync(host, "alice@customer.test");
        await using (var db = await host.DbAsync())
            await db.Set<OutboxMessage>().ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.Attempts, 3));
        var wake = host.Get<OutboxWake>();
        while (await wake.WaitAsync(TimeSpan.Zero, default)) { } // the queueing's own wake
        await using (var db = await host.DbAsync())
        {
            // A save that touches a tracked outbox row without queueing it wakes nothing.
            var row = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == queued.Id);
            row.LastError = "looked at";
            await db.SaveChangesAsync();
        }
        Assert.False(await wake.WaitAsync(TimeSpan.Zero, default));

        await host.Get<ResendOutboxMessageCommand>().ExecuteAsync(queued.Id);

        Assert.True(await wake.WaitAsync(TimeSpan.FromSeconds(1), default));
    }

    [Fact]
    [Trait("Category", "MailStack")]
    public async Task ProcessDueAsync_RealSmtpWithTwoAttachments_ArrivesOnceWithBoth()
    {
        await using var host = await StartAsync("Smtp");
        var to = MailStackServer.NewAddress("customer.test");
        var blobs = host.Get<BlobStore>();
        var log = await blobs.StageAsync("router.log", "text/plain", new MemoryStream(Encoding.UTF8.GetBytes("line 1\nline 2")), default);
        var image = await blobs.StageAsync("screen.png", "image/png", new MemoryStream(new byte[10_000]), default);
        var queued = await QueueAsync(host, to, files: [log, image]);

        Assert.Equal(1, await host.Get<OutboxSendStage>().ProcessDueAsync(default));

        var received = Assert.Single(await MailStackServer.WaitForMessagesAsync(to, 1, TimeSpan.FromSeconds(10)));
        Assert.Equal(queued.MessageId, $"<{received.MessageId}>");
        Assert.Equal(["router.log", "screen.png"], received.Attachments.OfType<MimePart>().Select(a => a.FileName));
        Assert.Equal(["ticket-5@helpdesk.test"], received.References);
    }

    [Fact]
    [Trait("Category", "MailStack")]
    public async Task ProcessDueAsync_RealSmtp_TheRawCopyIsTheMailAsDelivered()
    {
        await using var host = await StartAsync("Smtp");
        var to = MailStackServer.NewAddress("customer.test");
        var picture = await host.Get<BlobStore>().StageAsync("Übersicht.png", "image/png", new MemoryStream([.. Enumerable.Range(0, 5000).Select(i => (byte)i)]), default);
        await using (var db = await host.DbAsync())
        {
            var now = host.Clock.GetUtcNow().UtcDateTime;
            // Non-ASCII text, an HTML body on one line longer than SMTP allows and a binary file with a non-ASCII name:
            // all must be encoded to be sent.
            db.Add(new OutboxMessage
            {
                MessageId = $"<{Guid.NewGuid():N}@helpdesk.test>", Kind = "email_action", From = "Helpdesk <support@helpdesk.test>", To = to,
                Subject = "Grüße aus dem Helpdesk", TextBody = "Schöne Grüße,\nIhr Helpdesk — erledigt.",
                HtmlBody = "<p>" + string.Concat(Enumerable.Repeat("Schöne Grüße vom Helpdesk. ", 80)) + "</p>",
                Attachments = [new OutboxAttachment { FileName = picture.FileName, ContentType = picture.ContentType, Sha256 = picture.Sha256, Size = picture.Size }],
                Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await host.Get<OutboxSendStage>().ProcessDueAsync(default));

        var delivered = Assert.Single(await MailStackServer.WaitForMessagesAsync(to, 1, TimeSpan.FromSeconds(10)));
        await using var check = await host.DbAsync();
        var sent = await check.Set<OutboxMessage>().SingleAsync();
        using var copy = new MemoryStream();
        await using (var stored = host.Get<BlobStore>().OpenRead(sent.RawSha256!)) await stored.CopyToAsync(copy);
        using var wire = new MemoryStream();
        delivered.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, wire);
        // Postfix and Dovecot only put their own headers (Return-Path, Delivered-To, Received) in front of the mail.
        var (kept, arrived) = (Encoding.UTF8.GetString(copy.ToArray()), Encoding.UTF8.GetString(wire.ToArray()));
        Assert.EndsWith(kept, arrived);
        Assert.Contains("Übersicht.png", delivered.Attachments.Select(a => a.ContentDisposition?.FileName));
        Assert.All(kept.Split("\r\n"), line => Assert.True(line.Length <= 998 && line.All(char.IsAscii), $"not sendable as 7-bit: {line[..Math.Min(80, line.Length)]}"));
    }

    [Fact]
    [Trait("Category", "MailStack")]
    public async Task ProcessDueAsync_SmtpDownThenUp_DeliversExactlyOnce()
    {
        var to = MailStackServer.NewAddress("customer.test");
        await using var down = await StartAsync("Smtp", smtpPort: 1);
        var queued = await QueueAsync(down, to);
        await down.Get<OutboxSendStage>().ProcessDueAsync(default);
        Assert.Equal(OutboxStatus.Pending, (await ReloadAsync(down, queued.Id)).Status);

        // "Restart" on the same data with the server back: the pending row is simply picked up.
        await using var up = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>(down.DatabaseSettings)
        {
            ["Helpdesk:DataFolder"] = down.DataFolder, ["Mail:Outbound:Transport"] = "Smtp", ["Mail:Outbound:SmtpHost"] = MailStackServer.Host,
            ["Mail:Outbound:SmtpPort"] = MailStackServer.SmtpPort.ToString(), ["Mail:Outbound:SmtpSecurity"] = "None",
        });
        up.Clock.Advance(TimeSpan.FromHours(1));
        await up.Get<OutboxSendStage>().ProcessDueAsync(default);
        await up.Get<OutboxSendStage>().ProcessDueAsync(default);

        Assert.Single(await MailStackServer.WaitForMessagesAsync(to, 2, TimeSpan.FromSeconds(2)));
        Assert.Equal(OutboxStatus.Sent, (await ReloadAsync(up, queued.Id)).Status);
    }

    [Fact]
    [Trait("Category", "MailStack")]
    public async Task ProcessDueAsync_SmtpWithLogin_Delivers()
    {
        var to = MailStackServer.NewAddress("customer.test");
        await using var host = await StartAsync("Smtp", userName: "support@helpdesk.test", password: MailStackServer.Password);
        var queued = await QueueAsync(host, to);

        Assert.Equal(1, await host.Get<OutboxSendStage>().ProcessDueAsync(default));

        Assert.Single(await MailStackServer.WaitForMessagesAsync(to, 1, TimeSpan.FromSeconds(10)));
        Assert.Equal(OutboxStatus.Sent, (await ReloadAsync(host, queued.Id)).Status);
    }

    [Fact]
    [Trait("Category", "MailStack")]
    public async Task ProcessDueAsync_SmtpLoginRefused_KeepsTheMailForRetryAndSaysWhy()
    {
        // Neither the user's password nor the stack's shared one (see notes/mail-stack.md, passdb chaining).
        await using var host = await StartAsync("Smtp", userName: "support@helpdesk.test", password: "Wrong-Password-9");
        var queued = await QueueAsync(host, "alice@customer.test");

        Assert.Equal(0, await host.Get<OutboxSendStage>().ProcessDueAsync(default));

        var after = await ReloadAsync(host, queued.Id);
        Assert.Equal((OutboxStatus.Pending, 1), (after.Status, after.Attempts));
        Assert.StartsWith("The mail server refused the login of support@helpdesk.test", after.LastError);
    }

    [Fact]
    public async Task ProcessDueAsync_ShutdownRightAfterTheServerAccepted_RecordsSentAndNeverSendsAgain()
    {
        using var shutdown = new CancellationTokenSource();
        await using var host = await CoreTestHost.StartAsync(builder => builder.Services.AddSingleton<IMailTransport>(sp =>
            new ShutdownAfterSend(sp.GetRequiredService<PickupFolderTransport>(), shutdown)));
        var queued = await QueueAsync(host, "alice@customer.test");
        var stage = host.Get<OutboxSendStage>();

        Assert.Equal(1, await stage.ProcessDueAsync(shutdown.Token));
        var after = await ReloadAsync(host, queued.Id);

        Assert.True(shutdown.IsCancellationRequested);
        Assert.Equal(OutboxStatus.Sent, after.Status);
        Assert.NotNull(after.RawSha256);
        Assert.Equal(0, await stage.ProcessDueAsync(default));
        Assert.Single(Directory.GetFiles(host.Get<PickupFolderTransport>().Folder, "*.eml"));
    }

    /// <summary>The real pickup transport, with the host's shutdown arriving just as a mail has been accepted.</summary>
    private sealed class ShutdownAfterSend(PickupFolderTransport inner, CancellationTokenSource shutdown) : IMailTransport
    {
        public async Task<IMailBatch> OpenAsync(CancellationToken ct) => new Batch(await inner.OpenAsync(ct), shutdown);

        private sealed class Batch(IMailBatch inner, CancellationTokenSource shutdown) : IMailBatch
        {
            public async Task SendAsync(MimeMessage message, IReadOnlyList<MailboxAddress> recipients, CancellationToken ct)
            {
                await inner.SendAsync(message, recipients, ct);
                await shutdown.CancelAsync();
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
