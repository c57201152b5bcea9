using Helpdesk.Core.Attachments;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Writing;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Tests.Core.Mail.Outbound;

public sealed class OutboxResultWriterTests
{
    /// <summary>A ticket per subject, a mail about each, and a round's claim on those mails.</summary>
    private static async Task<(List<int> Tickets, List<OutboxMessage> Claimed, DateTime Now)> ClaimMailsAboutNewTicketsAsync(
        CoreTestHost host, Helpdesk.Core.Persistence.HelpdeskDbContext db, params string[] subjects)
    {
        var caller = await host.AddPersonAsync("Carl", "carl@customer.test");
        var create = host.Get<CreateTicketCommand>();
        var tickets = new List<int>();
        foreach (var subject in subjects)
            tickets.Add(await create.ExecuteAsync(new NewTicket { Subject = subject, RequestedForId = caller.Id }, Actor.System));
        var now = host.Clock.GetUtcNow().UtcDateTime;
        // The tickets' own autoresponses are not part of this round.
        await db.Set<OutboxMessage>().ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Sent));
        db.AddRange(tickets.Select(t => OutboxMail.Create("email_action", t, "support@helpdesk.test", [new OutboxRecipient("carl@customer.test", null, "requester")],
            $"Mail about {t}", "Body", null, "helpdesk.test", now)));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return (tickets, await OutboxClaim.ClaimDueAsync(db, now, 10, TimeSpan.FromMinutes(5), default), now);
    }

    [Fact]
    public async Task RunAsync_OneOfThreeRowsTakenOver_RecordsTheOtherTwoAndAnnouncesOnlyTheirTickets()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = await host.DbAsync();
        var (tickets, claimed, now) = await ClaimMailsAboutNewTicketsAsync(host, db, "Sent", "Taken over", "Failed");
        var (sent, takenOver, failed) = (claimed[0], claimed[1], claimed[2]);
        await db.Set<OutboxMessage>().Where(m => m.Id == takenOver.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, "other-round"));
        var retryAt = now.AddMinutes(1);
        var writer = new OutboxResultWriter(db, host.Get<BlobStore>(), (result, rawSha256) =>
        {
            result.Message.Attempts++;
            if (result.Sent) (result.Message.Status, result.Message.SentAt, result.Message.RawSha256) = (OutboxStatus.Sent, now, rawSha256);
            else (result.Message.LastError, result.Message.NextAttemptAt) = (result.Error, retryAt);
        }, host.Get<TicketChangeNotifier>(), NullLogger.Instance, now);
        var (sentRaw, takenOverRaw) = ("Subject: Sent\r\n\r\nsent"u8.ToArray(), "Subject: Taken over\r\n\r\ntaken over"u8.ToArray());

        var writing = writer.RunAsync();
        Assert.True(writer.TryAdd(new OutboxSendResult(sent, sentRaw)));
        Assert.True(writer.TryAdd(new OutboxSendResult(takenOver, takenOverRaw)));
        Assert.True(writer.TryAdd(new OutboxSendResult(failed, null, "451 try again later")));
        writer.Complete();
        await writing;

        await using var after = await host.DbAsync();
        var rows = await after.Set<OutboxMessage>().AsNoTracking().Where(m => m.Kind == "email_action").OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(
        [
            (OutboxStatus.Sent, 1, Sha256(sentRaw), (DateTime?)now, (string?)null, now, (string?)null),
            (OutboxStatus.Pending, 0, null, null, null, now, "other-round"),
            (OutboxStatus.Pending, 1, null, null, "451 try again later", retryAt, null),
        ], rows.Select(r => (r.Status, r.Attempts, r.RawSha256, r.SentAt, r.LastError, r.NextAttemptAt, r.ClaimToken)));
        var announced = await after.Set<TicketChange>().Where(c => c.Kind == TicketChangeKind.MailDeliveryChanged).Select(c => c.TicketId).OrderBy(t => t).ToListAsync();
        Assert.Equal([tickets[0], tickets[2]], announced);
        Assert.Equal(sentRaw, await ReadAllAsync(host.Get<BlobStore>(), Sha256(sentRaw)));
    }

    [Fact]
    public async Task RunAsync_SentMailsRawCopyWhoseFolderCannotTakeIt_RecordsTheSendWithoutACopy()
    {
        // Everything in the folder, and the folder a file: the copy cannot be written once the server has the mail.
        var data = Path.Combine(Path.GetTempPath(), "helpdesk-tests", $"blocked-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        var blocked = Path.Combine(data, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "");
        try
        {
            await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Blobs:TableUpToBytes"] = "0", ["Blobs:Folder"] = blocked });
            await using var db = await host.DbAsync();
            var (_, claimed, now) = await ClaimMailsAboutNewTicketsAsync(host, db, "Sent");
            var writer = new OutboxResultWriter(db, host.Get<BlobStore>(), (result, rawSha256) =>
                (result.Message.Status, result.Message.SentAt, result.Message.RawSha256) = (OutboxStatus.Sent, now, rawSha256),
                host.Get<TicketChangeNotifier>(), NullLogger.Instance, now);

            var writing = writer.RunAsync();
            Assert.True(writer.TryAdd(new OutboxSendResult(claimed[0], "Subject: Sent\r\n\r\nsent"u8.ToArray())));
            writer.Complete();
            await writing;

            await using var after = await host.DbAsync();
            var row = await after.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Kind == "email_action");
            Assert.Equal((OutboxStatus.Sent, (string?)null, (string?)null), (row.Status, row.RawSha256, row.ClaimToken));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static async Task<byte[]> ReadAllAsync(BlobStore store, string sha256)
    {
        await using var stream = store.OpenRead(sha256);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task RunAsync_ResultsArrivingMomentsApart_CommitTogether()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = await host.DbAsync();
        var (_, claimed, now) = await ClaimMailsAboutNewTicketsAsync(host, db, "One", "Two", "Three");
        var commits = 0;
        db.SavedChanges += (_, _) => commits++;
        // A long window, so a loaded machine's slow timers cannot split the three apart.
        var window = TimeSpan.FromSeconds(2);
        var writer = new OutboxResultWriter(db, host.Get<BlobStore>(), (result, _) => (result.Message.Status, result.Message.SentAt) = (OutboxStatus.Sent, now),
            host.Get<TicketChangeNotifier>(), NullLogger.Instance, now, window);

        var writing = writer.RunAsync();
        foreach (var message in claimed)
        {
            Assert.True(writer.TryAdd(new OutboxSendResult(message, System.Text.Encoding.ASCII.GetBytes($"Subject: {message.Id}\r\n\r\nsent"))));
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        for (var waited = 0; commits == 0 && waited < 300; waited++) await Task.Delay(100);
        await Task.Delay(300);
        var commitsBeforeTheEnd = commits;
        writer.Complete();
        await writing;

        // Each commit costs far more than its rows: results sent moments apart are recorded in one.
        Assert.Equal(1, commitsBeforeTheEnd);
        Assert.Equal(1, commits);
        await using var after = await host.DbAsync();
        Assert.Equal(3, await after.Set<OutboxMessage>().CountAsync(m => m.Kind == "email_action" && m.Status == OutboxStatus.Sent));
    }
}
