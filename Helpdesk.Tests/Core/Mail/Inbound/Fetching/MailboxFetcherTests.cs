using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Benchmarks.Mail;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.MailStack;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Fetching;

/// <summary>Fetching against the real Postfix + Dovecot on loopback.</summary>
[Trait("Category", "MailStack")]
public sealed class MailboxFetcherTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();


    [Fact]
    public async Task ImapFetch_MailSentOverSmtp_BecomesARequestAndIsFlaggedSeen()
    {
        var inbox = MailStackServer.NewAddress();
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await MailStackServer.SendAsync(InboundTestMail.Create("alice@customer.test", inbox, "Over IMAP", "Fetched for real.", attachments: ("log.txt", "x"u8.ToArray())));
        await MailStackServer.WaitForMessagesAsync(inbox, 1, TimeSpan.FromSeconds(10));

        var stored = await _host.Get<ImapFetcher>().FetchAsync(MailStackServer.Mailbox(MailboxKind.Imap, inbox), default);
        var again = await _host.Get<ImapFetcher>().FetchAsync(MailStackServer.Mailbox(MailboxKind.Imap, inbox), default);
        await _host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        Assert.Single(stored);
        Assert.Empty(again); // flagged \Seen after the commit, so not fetched twice
        var list = await _host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest(), Actor.System);
        Assert.Equal("Over IMAP", Assert.Single(list.Items).Subject);
    }

    [Fact]
    public async Task ImapWaitForNewMail_MailDeliveredAfterTheFetchLooked_ReturnsWithoutWaitingForIdle()
    {
        var inbox = MailStackServer.NewAddress();
        var mailbox = MailStackServer.Mailbox(MailboxKind.Imap, inbox);
        await _host.Get<ImapFetcher>().FetchAsync(mailbox, default);
        await MailStackServer.SendAsync(InboundTestMail.Create("alice@customer.test", inbox, "Between fetch and IDLE", "Arrived meanwhile."));
        await MailStackServer.WaitForMessagesAsync(inbox, 1, TimeSpan.FromSeconds(10));

        // IDLE reports only mail that arrives while it runs: this one would wait for the 9-minute timeout.
        using var idleWouldWait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _host.Get<ImapFetcher>().WaitForNewMailAsync(mailbox, TimeSpan.FromSeconds(1), idleWouldWait.Token);

        Assert.False(idleWouldWait.IsCancellationRequested);
        Assert.Single(await _host.Get<ImapFetcher>().FetchAsync(mailbox, default));
    }

    [Fact]
    public async Task ImapFetch_MailMarkedSeenBeforeTheFetch_IsStillFetchedOnce()
    {
        var inbox = MailStackServer.NewAddress();
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        await _host.Get<ImapFetcher>().FetchAsync(MailStackServer.Mailbox(MailboxKind.Imap, inbox), default); // the helpdesk knows this mailbox already
        await MailStackServer.SendAsync(InboundTestMail.Create("alice@customer.test", inbox, "Read by a person first", "Still ours."));
        await MailStackServer.WaitForCountAsync(inbox, 1, TimeSpan.FromSeconds(10));
        await MailStackServer.SetSeenAsync(inbox, seen: true);

        var stored = await _host.Get<ImapFetcher>().FetchAsync(MailStackServer.Mailbox(MailboxKind.Imap, inbox), default);
        var again = await _host.Get<ImapFetcher>().FetchAsync(MailStackServer.Mailbox(MailboxKind.Imap, inbox), default);
        await _host.Get<InboundMailProcessor>().ProcessPendingAsync(default);

        Assert.Single(stored);
        Assert.Empty(again);
        var list = await _host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest(), Actor.System);
        Assert.Equal("Read by a person first", Assert.Single(list.Items).Subject);
        var (uidValidity, messages) = await MailStackServer.UidsAsync(inbox);
        await using var db = await _host.DbAsync();
        var state = await db.Set<ImapMailboxState>().SingleAsync();
        Assert.Equal((MailStackServer.Mailbox(MailboxKind.Imap, inbox).Name, (long)uidValidity, (long)Assert.Single(messages).Uid), (state.Mailbox, state.UidValidity, state.HighestUid));
    }

    [Fact]
    public async Task ImapFetch_BacklogOfMoreThanOneBatch_StoresEachMailOnceFlagsAllSeenAndMarksTheNewest()
    {
        var inbox = MailStackServer.NewAddress();
        var mailbox = MailStackServer.Mailbox(MailboxKind.Imap, inbox);
        await _host.Get<ImapFetcher>().FetchAsync(mailbox, default); // the helpdesk knows this mailbox already
        var subjects = Enumerable.Range(1, 250).Select(i => $"Backlog {i}").ToList();
        await BenchImap.AppendAsync(inbox, [.. subjects.Select(subject => Raw(InboundTestMail.Create("alice@customer.test", inbox, subject, "Queued.")))]);

        var stored = await _host.Get<ImapFetcher>().FetchAsync(mailbox, default);
        var again = await _host.Get<ImapFetcher>().FetchAsync(mailbox, default);

        Assert.Equal(250, stored.Distinct().Count());
        Assert.Empty(again);
        var (uidValidity, messages) = await MailStackServer.UidsAsync(inbox);
        Assert.All(messages, m => Assert.True(m.Seen));
        await using var db = await _host.DbAsync();
        var rows = await db.Set<InboundMessage>().Where(m => m.Mailbox == mailbox.Name).ToListAsync();
        Assert.Equal(subjects.Order(), rows.Select(r => r.Subject).Order());
        Assert.Equal(messages.Select(m => $"{uidValidity}:{m.Uid}").Order(), rows.Select(r => r.ServerId).Order());
        var state = await db.Set<ImapMailboxState>().SingleAsync(s => s.Mailbox == mailbox.Name);
        Assert.Equal(messages.Max(m => (long)m.Uid), state.HighestUid);
    }

    private static byte[] Raw(MimeKit.MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public async Task ImapFetch_FirstContactWithAMailboxHoldingReadMail_TakesOnlyTheUnreadThenEverythingNew()
    {
        var inbox = MailStackServer.NewAddress();
        var mailbox = MailStackServer.Mailbox(MailboxKind.Imap, inbox);
        await MailStackServer.SendAsync(InboundTestMail.Create("alice@customer.test", inbox, "Read last year", "history"));
        await MailStackServer.WaitForCountAsync(inbox, 1, TimeSpan.FromSeconds(10));
        await MailStackServer.SetSeenAsync(inbox, seen: true);
        await MailStackServer.SendAsync(InboundTestMail.Create("alice@customer.test", inbox, "Waiting unread", "new"));
        await MailStackServer.WaitForCountAsync(inbox, 2, TimeSpan.FromSeconds(10));

        var first = await _host.Get<ImapFetcher>().FetchAsync(mailbox, default);
        await MailStackServer.SendAsync(InboundTestMail.Create("alice@customer.test", inbox, "Read by a colleague at once", "new too"));
        await MailStackServer.WaitForCountAsync(inbox, 3, TimeSpan.FromSeconds(10));
        await MailStackServer.SetSeenAsync(inbox, seen: true);
        var second = await _host.Get<ImapFetcher>().FetchAsync(mailbox, default);

        Assert.Single(first);
        Assert.Single(second);
        Assert.Equal(["Waiting unread", "Read by a colleague at once"], (await RowsAsync()).Select(r => r.Subject));
    }

    [Fact]
    public async Task ImapFetch_UidValidityChanged_FetchesEverythingAgainWithoutDuplicates()
    {
        var inbox = MailStackServer.NewAddress();
        var mailbox = MailStackServer.Mailbox(MailboxKind.Imap, inbox);
        await MailStackServer.SendAsync(InboundTestMail.Create("alice@customer.test", inbox, "Before the renumbering", "x"));
        await MailStackServer.WaitForCountAsync(inbox, 1, TimeSpan.FromSeconds(10));
        await _host.Get<ImapFetcher>().FetchAsync(mailbox, default);
        // As if the server had renumbered the folder: the stored mark belongs to another UIDVALIDITY, far above today's UIDs.
        await using (var db = await _host.DbAsync())
            await db.Set<ImapMailboxState>().ExecuteUpdateAsync(s => s.SetProperty(x => x.UidValidity, 1).SetProperty(x => x.HighestUid, 999));
        await MailStackServer.SendAsync(InboundTestMail.Create("alice@customer.test", inbox, "After the renumbering", "y"));
        await MailStackServer.WaitForCountAsync(inbox, 2, TimeSpan.FromSeconds(10));
        await MailStackServer.SetSeenAsync(inbox, seen: true);

        var stored = await _host.Get<ImapFetcher>().FetchAsync(mailbox, default);

        Assert.Single(stored);
        Assert.Equal(["Before the renumbering", "After the renumbering"], (await RowsAsync()).Select(r => r.Subject));
        var (uidValidity, messages) = await MailStackServer.UidsAsync(inbox);
        await using var check = await _host.DbAsync();
        var state = await check.Set<ImapMailboxState>().SingleAsync();
        Assert.Equal(((long)uidValidity, (long)messages[^1].Uid), (state.UidValidity, state.HighestUid));
    }

    [Fact]
    public async Task ImapFetch_CrashBetweenCommitAndMark_DoesNotStoreTheMailTwice()
    {
        var inbox = MailStackServer.NewAddress();
        await MailStackServer.SendAsync(InboundTestMail.Create("alice@customer.test", inbox, "Crash test", "Once only."));
        await MailStackServer.WaitForMessagesAsync(inbox, 1, TimeSpan.FromSeconds(10));
        var mailbox = MailStackServer.Mailbox(MailboxKind.Imap, inbox);
        var first = await _host.Get<ImapFetcher>().FetchAsync(mailbox, default);
        await using (var db = await _host.DbAsync()) // as if the run had died after the row's commit, before the mark moved on
            await db.Set<ImapMailboxState>().ExecuteUpdateAsync(s => s.SetProperty(m => m.HighestUid, 0));

        var again = await _host.Get<ImapFetcher>().FetchAsync(mailbox, default);

        Assert.Single(first);
        Assert.Empty(again);
        await using var check = await _host.DbAsync();
        Assert.Equal(1, await check.Set<InboundMessage>().CountAsync());
    }

    [Fact]
    public async Task Pop3Fetch_MailSentOverSmtp_IsStoredAndDeletedFromTheServer()
    {
        var inbox = MailStackServer.NewAddress();
        await MailStackServer.SendAsync(InboundTestMail.Create("bob@customer.test", inbox, "Over POP3", "Fetched and deleted."));
        await MailStackServer.WaitForMessagesAsync(inbox, 1, TimeSpan.FromSeconds(10));

        var stored = await _host.Get<Pop3Fetcher>().FetchAsync(MailStackServer.Mailbox(MailboxKind.Pop3, inbox), default);

        Assert.Single(stored);
        Assert.Empty(await MailStackServer.ReadAllAsync(inbox));
    }

    private async Task<List<InboundMessage>> RowsAsync()
    {
        await using var db = await _host.DbAsync();
        return await db.Set<InboundMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    private async Task SendAfterAnEmptyMessageAsync(string inbox, string subject)
    {
        await MailStackServer.PlantEmptyMessageAsync(inbox);
        await MailStackServer.SendAsync(InboundTestMail.Create("alice@customer.test", inbox, subject, "Behind an empty one."));
        Assert.Equal(2, await MailStackServer.WaitForCountAsync(inbox, 2, TimeSpan.FromSeconds(10)));
    }

    private static void AssertEmptyIsQuarantinedAndTheOtherStored(IReadOnlyList<long> stored, List<InboundMessage> rows, string subject)
    {
        Assert.Equal(2, stored.Count);
        Assert.Collection(rows,
            empty => Assert.Equal((InboundStatus.Quarantined, true), (empty.Status, empty.Error!.StartsWith("The mail is empty"))),
            mail => Assert.Equal((InboundStatus.Received, subject), (mail.Status, mail.Subject)));
    }

    [Fact]
    public async Task ImapFetch_EmptyMessageBeforeAMail_IsQuarantinedAndDoesNotBlockTheMail()
    {
        var inbox = MailStackServer.NewAddress();
        await SendAfterAnEmptyMessageAsync(inbox, "After the empty one");

        var stored = await _host.Get<ImapFetcher>().FetchAsync(MailStackServer.Mailbox(MailboxKind.Imap, inbox), default);
        var again = await _host.Get<ImapFetcher>().FetchAsync(MailStackServer.Mailbox(MailboxKind.Imap, inbox), default);

        AssertEmptyIsQuarantinedAndTheOtherStored(stored, await RowsAsync(), "After the empty one");
        Assert.Empty(again);
    }

    [Fact]
    public async Task Pop3Fetch_EmptyMessageBeforeAMail_IsQuarantinedAndDoesNotBlockTheMail()
    {
        var inbox = MailStackServer.NewAddress();
        await SendAfterAnEmptyMessageAsync(inbox, "After the empty one");

        var stored = await _host.Get<Pop3Fetcher>().FetchAsync(MailStackServer.Mailbox(MailboxKind.Pop3, inbox), default);

        AssertEmptyIsQuarantinedAndTheOtherStored(stored, await RowsAsync(), "After the empty one");
        Assert.Equal(0, await MailStackServer.CountAsync(inbox));
    }

    private (DropFolderFetcher Fetcher, MailboxOptions Mailbox, string Folder) DropFolder()
    {
        var fetcher = _host.Get<DropFolderFetcher>();
        var mailbox = new MailboxOptions { Name = "local", Kind = MailboxKind.DropFolder };
        var folder = fetcher.FolderOf(mailbox);
        Directory.CreateDirectory(folder);
        return (fetcher, mailbox, folder);
    }

    private async Task DropAsync(string folder, string name, byte[] content, TimeSpan age)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(path, content);
        File.SetLastWriteTimeUtc(path, _host.Clock.GetUtcNow().UtcDateTime - age);
    }

    [Fact]
    public async Task DropFolderFetch_EmptyFileBeforeAMail_IsQuarantinedAndDoesNotBlockTheMail()
    {
        var (fetcher, mailbox, folder) = DropFolder();
        await DropAsync(folder, "a.eml", [], TimeSpan.FromMinutes(1));
        await DropAsync(folder, "b.eml", InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Dropped", "x").Bytes(), TimeSpan.FromMinutes(1));

        var stored = await fetcher.FetchAsync(mailbox, default);

        AssertEmptyIsQuarantinedAndTheOtherStored(stored, await RowsAsync(), "Dropped");
        Assert.Empty(Directory.GetFiles(folder, "*.eml"));
    }

    [Fact]
    public async Task DropFolderFetch_UnreadableFileBeforeAMail_StaysAndDoesNotBlockTheMail()
    {
        var (fetcher, mailbox, folder) = DropFolder();
        File.CreateSymbolicLink(Path.Combine(folder, "a.eml"), Path.Combine(folder, "gone", "nothing.eml")); // reading it fails
        await DropAsync(folder, "b.eml", InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Dropped", "x").Bytes(), TimeSpan.FromMinutes(1));

        var stored = await fetcher.FetchAsync(mailbox, default);

        Assert.Equal("Dropped", Assert.Single(await RowsAsync()).Subject);
        Assert.Single(stored);
        Assert.Equal(["a.eml"], Directory.GetFiles(folder, "*.eml").Select(Path.GetFileName));
    }

    [Fact]
    public async Task DropFolderFetch_FileChangedWithinTwoSeconds_WaitsForTheNextPoll()
    {
        var (fetcher, mailbox, folder) = DropFolder();
        await DropAsync(folder, "fresh.eml", InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Fresh", "x").Bytes(), TimeSpan.FromSeconds(1));

        var first = await fetcher.FetchAsync(mailbox, default);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        var next = await fetcher.FetchAsync(mailbox, default);

        Assert.Empty(first);
        Assert.Single(next);
        Assert.True(File.Exists(Path.Combine(folder, "processed", "fresh.eml")));
    }

    [Fact]
    public async Task DropFolderFetch_EmlFile_IsStoredAndMovedToProcessed()
    {
        var (fetcher, mailbox, folder) = DropFolder();
        await DropAsync(folder, "a.eml", InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Dropped", "In a folder.").Bytes(), TimeSpan.FromMinutes(1));

        var stored = await fetcher.FetchAsync(mailbox, default);

        Assert.Single(stored);
        Assert.False(File.Exists(Path.Combine(folder, "a.eml")));
        Assert.True(File.Exists(Path.Combine(folder, "processed", "a.eml")));
    }

    [Fact]
    public async Task DropFolderFetch_MoreFilesThanOneBatch_StoresEachOnceInOrderAndMovesThemAll()
    {
        var (fetcher, mailbox, folder) = DropFolder();
        var count = InboundMailStore.BatchMails + 5;
        for (var i = 0; i < count; i++)
            await DropAsync(folder, $"{i:D4}.eml", InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", $"Dropped {i}", "x").Bytes(), TimeSpan.FromMinutes(1));
        // A copy of an earlier file under another name is its own item: stored again, told apart by processing.
        File.Copy(Path.Combine(folder, "0000.eml"), Path.Combine(folder, "9999.eml"));
        File.SetLastWriteTimeUtc(Path.Combine(folder, "9999.eml"), _host.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(1));

        var stored = await fetcher.FetchAsync(mailbox, default);
        var again = await fetcher.FetchAsync(mailbox, default);

        var rows = await RowsAsync();
        Assert.Equal(count + 1, stored.Count);
        Assert.Empty(again);
        Assert.Equal([.. Enumerable.Range(0, count).Select(i => $"Dropped {i}"), "Dropped 0"], rows.OrderBy(r => r.Id).Select(r => r.Subject));
        Assert.Equal(stored, rows.OrderBy(r => r.Id).Select(r => r.Id));
        Assert.Empty(Directory.GetFiles(folder, "*.eml"));
        Assert.Equal(count + 1, Directory.GetFiles(Path.Combine(folder, "processed"), "*.eml").Length);
    }
}
