using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound;

public sealed class InboundMailStoreTests
{
    [Fact]
    public async Task StoreAsync_TwoEmptyMessages_KeepsEachAsAQuarantinedRowThatRetriesWithAClearError()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test" });
        var store = host.Get<InboundMailStore>();

        var first = await store.StoreAsync("imap", "1:7", [], default);
        var second = await store.StoreAsync("imap", "1:8", [], default);
        var retried = await host.Get<RetryInboundMailCommand>().ExecuteAsync(first.Id);

        Assert.True(first.IsNew && second.IsNew && first.Id != second.Id);
        await using var db = await host.DbAsync();
        var rows = await db.Set<InboundMessage>().OrderBy(m => m.Id).ToListAsync();
        Assert.All(rows, r => Assert.Equal(InboundStatus.Quarantined, r.Status));
        Assert.Contains("empty (0 bytes", rows[1].Error);
        Assert.Equal("The message is empty.", retried.Error);
        Assert.Empty(await store.ReadRawAsync(rows[0], default));
    }

    [Fact]
    public async Task StoreAsync_TenMegabyteHeaderLine_IsQuarantinedAtOnceAndTheNextMailIsProcessed()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test", ["Mail:Inbound:UnknownSenders"] = "CreatePerson",
        });
        var store = host.Get<InboundMailStore>();
        var huge = System.Text.Encoding.ASCII.GetBytes("From: a@customer.test\r\nSubject: " + new string('x', 10 * 1024 * 1024) + "\r\n\r\nbody\r\n");
        var next = System.Text.Encoding.ASCII.GetBytes("From: b@customer.test\r\nSubject: Next\r\nMessage-ID: <next@customer.test>\r\n\r\nbody\r\n");

        var timer = System.Diagnostics.Stopwatch.StartNew();
        var first = await store.StoreAsync("imap", "1:1", huge, default);
        var second = await store.StoreAsync("imap", "1:2", next, default);
        await host.Get<Helpdesk.Core.Mail.Inbound.Processing.InboundMailProcessor>().ProcessPendingAsync(default);
        var retried = await host.Get<RetryInboundMailCommand>().ExecuteAsync(first.Id);

        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(20), $"took {timer.Elapsed}");
        await using var db = await host.DbAsync();
        var rows = await db.Set<InboundMessage>().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(InboundStatus.Quarantined, rows[0].Status);
        Assert.StartsWith("The mail's headers are larger than 256 KB", rows[0].Error);
        Assert.StartsWith("The mail's headers are larger than 256 KB", retried.Error);
        Assert.Equal((InboundStatus.Processed, "Next"), (rows[1].Status, rows[1].Subject));
        Assert.Equal(huge.Length, (await store.ReadRawAsync(rows[0], default)).Length);
    }

    [Fact]
    public async Task StoreBatchAsync_SmallAndLargeMail_SmallRawCopyIsARowOfTheBatchsCommitAndTheLargeOneAFile()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test" });
        var small = InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Small", "A short question.").Bytes();
        var large = InboundTestMail.Create("bob@customer.test", "support@helpdesk.test", "Large", "Screenshot attached.",
            attachments: ("screen.png", new byte[100 * 1024])).Bytes();
        var store = host.Get<InboundMailStore>();

        var stored = await store.StoreBatchAsync("drop", [("small.eml", small), ("large.eml", large)], default);

        await using var db = await host.DbAsync();
        var rows = await db.Set<InboundMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([stored[0]!.Value.Id, stored[1]!.Value.Id], rows.Select(r => r.Id));
        Assert.True(await db.Set<Helpdesk.Core.Attachments.StoredBlob>().AnyAsync(b => b.Sha256 == rows[0].RawSha256));
        Assert.False(await db.Set<Helpdesk.Core.Attachments.StoredBlob>().AnyAsync(b => b.Sha256 == rows[1].RawSha256));
        Assert.True(File.Exists(Path.Combine(host.DataFolder, "attachments", rows[1].RawSha256[..2], rows[1].RawSha256)));
        Assert.Equal(small, await store.ReadRawAsync(rows[0], default));
        Assert.Equal(large, await store.ReadRawAsync(rows[1], default));
    }

    [Theory]
    [InlineData("mbox-envelope.eml", "Bob Stone <bob@customer.test>", "bob@customer.test", "Mbox export of my question")]
    [InlineData("junk-before-headers.eml", "Bob Stone <bob@customer.test>", "bob@customer.test", "Saved by an archiving tool")]
    [InlineData("koi8r-8bit-headers.eml", "Иван Петров <ivan@customer.test>", "ivan@customer.test", "Не работает принтер в переговорной комнате на третьем этаже")]
    [InlineData("no-from-reply-to.eml", null, "carol@customer.test", "Sent from a web form without a From")]
    public async Task StoreAsync_EnvelopeJunkOr8BitHeaders_RowShowsSenderAndSubject(string fixture, string? from, string sender, string subject)
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test" });

        var (id, _) = await host.Get<InboundMailStore>().StoreAsync("drop", fixture, Parsing.InboundMailReaderTests.Fixture(fixture), default);

        await using var db = await host.DbAsync();
        var row = await db.Set<InboundMessage>().SingleAsync(m => m.Id == id);
        Assert.Equal((from, sender, subject), (row.From, row.SenderAddress, row.Subject));
    }

    [Fact]
    public async Task ProcessPendingAsync_MailSlowerToReadThanTheLimit_IsSetAsideAndTheMailBehindItIsHandled()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test", ["Mail:Inbound:UnknownSenders"] = "CreatePerson",
            ["Mail:Inbound:MaxReadTime"] = "00:00:00.001",
        });
        // Large enough that its read outlasts the limit even when a busy thread pool fires the limit's timer late.
        var parts = string.Concat(Enumerable.Range(0, 200_000).Select(i => $"--b\r\nContent-Type: text/plain\r\n\r\npart {i}\r\n"));
        var slow = System.Text.Encoding.ASCII.GetBytes($"From: a@customer.test\r\nSubject: Slow\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n{parts}--b--\r\n");
        var store = host.Get<InboundMailStore>();
        var first = await store.StoreAsync("imap", "1:1", slow, default);
        var second = await store.StoreAsync("imap", "1:2", System.Text.Encoding.ASCII.GetBytes("From: b@customer.test\r\nSubject: Quick\r\n\r\nx\r\n"), default);
        await host.Get<Helpdesk.Core.Mail.Inbound.Processing.InboundMailProcessor>().ProcessPendingAsync(default);

        await using var db = await host.DbAsync();
        var rows = await db.Set<InboundMessage>().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal((InboundStatus.Quarantined, second.Id), (rows[0].Status, rows[1].Id));
        Assert.StartsWith("Reading the mail took longer than 0.001 s; it was set aside", rows[0].Error);
        Assert.NotEqual(InboundStatus.Received, rows[1].Status); // handled in the same round (read in time or set aside too)
    }

    [Fact]
    public async Task ProcessPendingAsync_SlowMailBeforeAQuickOne_TheQuickOneIsAppliedFirst()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test", ["Mail:Inbound:UnknownSenders"] = "CreatePerson",
            // The slow mail takes about 0.6 s to read on a quiet machine, the quick one a few ms: a wait between them.
            ["Mail:Inbound:ReadAheadWait"] = "00:00:00.1",
        });
        var parts = string.Concat(Enumerable.Range(0, 60_000).Select(i => $"--b\r\nContent-Type: text/plain\r\n\r\npart {i}\r\n"));
        var slow = System.Text.Encoding.ASCII.GetBytes($"From: a@customer.test\r\nSubject: Slow\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n{parts}--b--\r\n");
        var store = host.Get<InboundMailStore>();
        var processor = host.Get<Helpdesk.Core.Mail.Inbound.Processing.InboundMailProcessor>();
        // A first round beforehand (queries compiled, settings read), so the round below only races the two reads.
        await store.StoreAsync("imap", "1:0", System.Text.Encoding.ASCII.GetBytes("From: c@customer.test\r\nSubject: First\r\n\r\nx\r\n"), default);
        await processor.ProcessPendingAsync(default);
        await store.StoreAsync("imap", "1:1", slow, default);
        await store.StoreAsync("imap", "1:2", System.Text.Encoding.ASCII.GetBytes("From: b@customer.test\r\nSubject: Quick\r\n\r\nx\r\n"), default);

        await processor.ProcessPendingAsync(default);

        await using var db = await host.DbAsync();
        var rows = await db.Set<InboundMessage>().OrderBy(m => m.Id).Skip(1).ToListAsync();
        Assert.All(rows, r => Assert.Equal(InboundStatus.Processed, r.Status));
        Assert.True(rows[1].TicketId < rows[0].TicketId, $"quick HD-{rows[1].TicketId}, slow HD-{rows[0].TicketId}");
    }

    [Fact]
    public async Task ProcessPendingAsync_NextMailStillBeingRead_TheMailsBeforeItAreCommittedMeanwhile()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test", ["Mail:Inbound:UnknownSenders"] = "CreatePerson",
            ["Mail:Inbound:ReadAheadWait"] = "00:01:00", ["Mail:Inbound:BatchTime"] = "00:01:00",
        });
        var parts = string.Concat(Enumerable.Range(0, 200_000).Select(i => $"--b\r\nContent-Type: text/plain\r\n\r\npart {i}\r\n"));
        var slow = System.Text.Encoding.ASCII.GetBytes($"From: a@customer.test\r\nSubject: Slow\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n{parts}--b--\r\n");
        var store = host.Get<InboundMailStore>();
        await store.StoreAsync("imap", "1:1", System.Text.Encoding.ASCII.GetBytes("From: b@customer.test\r\nSubject: Quick\r\n\r\nx\r\n"), default);
        var slowRow = await store.StoreAsync("imap", "1:2", slow, default);

        var processing = host.Get<Helpdesk.Core.Mail.Inbound.Processing.InboundMailProcessor>().ProcessPendingAsync(default);
        InboundStatus slowWhenQuickCommitted;
        while (true)
        {
            await using var db = await host.DbAsync();
            if (await db.Set<Ticket>().AnyAsync(t => t.Subject == "Quick"))
            {
                slowWhenQuickCommitted = await db.Set<InboundMessage>().Where(m => m.Id == slowRow.Id).Select(m => m.Status).SingleAsync();
                break;
            }
            Assert.False(processing.IsCompleted, "processing ended without a ticket for the quick mail");
            await Task.Delay(10);
        }
        await processing;

        Assert.Equal(InboundStatus.Received, slowWhenQuickCommitted);
        await using var check = await host.DbAsync();
        Assert.All(await check.Set<InboundMessage>().ToListAsync(), r => Assert.Equal(InboundStatus.Processed, r.Status));
    }
}
