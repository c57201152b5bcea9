using System.Collections.Concurrent;
using Helpdesk.Core.Persistence;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Fetching;

/// <summary>
/// Fetches mail over IMAP above the mailbox's stored high-water UID (see <see cref="ImapMailboxState"/>), read or not,
/// in batches: one pipelined UID FETCH per batch, its rows committed in one transaction, and only then the batch flagged
/// \Seen in one UID STORE. A batch the server or the store fails on is taken again one mail at a time, so one bad mail
/// holds up no other. On first contact with a mailbox only its
/// unread mail is taken (what people already read there is history, not new requests) and the mark starts at the
/// folder's newest UID.
/// </summary>
public sealed class ImapFetcher(InboundMailStore store, IDbContextFactory<HelpdeskDbContext> contextFactory, TimeProvider clock) : IMailboxFetcher
{
    /// <summary>Per mailbox, the folder's UIDVALIDITY and UIDNEXT when the last fetch opened it.</summary>
    private readonly ConcurrentDictionary<string, (uint UidValidity, uint? UidNext)> _lastLook = new();

    public MailboxKind Kind => MailboxKind.Imap;

    public async Task<IReadOnlyList<long>> FetchAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        using var client = await ConnectAsync(mailbox, ct);
        var folder = await OpenAsync(client, mailbox, ct);
        _lastLook[mailbox.Name] = (folder.UidValidity, folder.UidNext?.Id);
        var stored = new List<long>();
        var state = await StoredStateAsync(mailbox.Name, ct);
        var highest = state is not null && state.UidValidity == folder.UidValidity ? state.HighestUid : 0;
        var uids = state is null
            ? (await folder.SearchAsync(SearchQuery.NotSeen, ct)).OrderBy(uid => uid.Id)
            : await NewUidsAsync(folder, highest, ct);
        var mark = highest;
        var blocked = false;
        foreach (var batch in await BatchesAsync(folder, uids, ct))
        {
            var kept = await StoreBatchAsync(client, folder, mailbox.Name, batch, ct);
            var seen = batch.Where((_, i) => kept[i] is not null).ToList();
            if (seen.Count > 0) await folder.AddFlagsAsync(seen, MessageFlags.Seen, silent: true, ct);
            for (var i = 0; i < batch.Count; i++)
            {
                if (kept[i] is null)
                    blocked = true; // the mark stays below it, so the next fetch tries it again
                else if (!blocked)
                    mark = batch[i].Id;
                if (kept[i] is { IsNew: true } added) stored.Add(added.Id);
            }
        }
        if (state is null && !blocked && folder.UidNext is { } next) mark = Math.Max(mark, next.Id - 1);
        if (mark != highest || state is null) await SaveMarkAsync(mailbox.Name, folder.UidValidity, mark, ct);
        await client.DisconnectAsync(true, ct);
        return stored;
    }

    /// <summary>Consecutive runs of the UIDs, each at most <see cref="InboundMailStore.BatchMails"/> mails and <see cref="InboundMailStore.BatchBytes"/> bytes (one mail larger than that is a batch alone).</summary>
    private static async Task<List<List<UniqueId>>> BatchesAsync(IMailFolder folder, IEnumerable<UniqueId> uids, CancellationToken ct)
    {
        var wanted = uids.ToList();
        if (wanted.Count == 0) return [];
        // A mail expunged since the search is not in the answer, and is no longer there to fetch.
        var sizes = (await folder.FetchAsync(wanted, MessageSummaryItems.UniqueId | MessageSummaryItems.Size, ct))
            .ToDictionary(m => m.UniqueId, m => (long)(m.Size ?? 0));
        var batches = new List<List<UniqueId>>();
        var (batch, bytes) = (new List<UniqueId>(), 0L);
        foreach (var uid in wanted.Where(sizes.ContainsKey))
        {
            if (batch.Count > 0 && (batch.Count == InboundMailStore.BatchMails || bytes + sizes[uid] > InboundMailStore.BatchBytes))
            {
                batches.Add(batch);
                (batch, bytes) = ([], 0);
            }
            batch.Add(uid);
            bytes += sizes[uid];
        }
        if (batch.Count > 0) batches.Add(batch);
        return batches;
    }

    /// <returns>Per UID of the batch, its row, or null when it was not stored (it stays unflagged on the server).</returns>
    private async Task<(long Id, bool IsNew)?[]> StoreBatchAsync(ImapClient client, IMailFolder folder, string mailbox, List<UniqueId> batch, CancellationToken ct)
    {
        var raws = new Dictionary<UniqueId, byte[]>();
        try
        {
            await ((ImapFolder)folder).GetStreamsAsync(batch, async (_, _, uid, stream, token) =>
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, token);
                raws[uid] = buffer.ToArray();
            }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && client.IsConnected)
        {
            // One mail the server cannot deliver fails the whole command: take them one at a time, as each is.
            var one = new (long Id, bool IsNew)?[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var uid = batch[i];
                one[i] = await store.TryStoreAsync(mailbox, $"UID {uid.Id}", token => ReadAsync(folder, uid, token),
                    _ => ServerId(folder, uid), () => client.IsConnected, ct);
            }
            return one;
        }
        var fetched = batch.Where(raws.ContainsKey).ToList();
        var rows = await store.StoreBatchAsync(mailbox, [.. fetched.Select(uid => (ServerId(folder, uid), raws[uid]))], ct);
        var rowOf = fetched.Zip(rows).ToDictionary(x => x.First, x => x.Second);
        return [.. batch.Select(uid => rowOf.GetValueOrDefault(uid))];
    }

    private static string ServerId(IMailFolder folder, UniqueId uid) => $"{folder.UidValidity}:{uid.Id}";

    // "n:*" also matches the last message when every UID is below n, so the range is checked here too.
    private static async Task<IEnumerable<UniqueId>> NewUidsAsync(IMailFolder folder, long highest, CancellationToken ct) =>
        highest == 0
            ? await folder.SearchAsync(SearchQuery.All, ct)
            : (await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)highest + 1), UniqueId.MaxValue)), ct))
                .Where(uid => uid.Id > highest).OrderBy(uid => uid.Id);

    /// <returns>The stored mark, or null on first contact. A mark of another UIDVALIDITY means: fetch everything again.</returns>
    private async Task<ImapMailboxState?> StoredStateAsync(string mailbox, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<ImapMailboxState>().AsNoTracking().FirstOrDefaultAsync(s => s.Mailbox == mailbox, ct);
    }

    private async Task SaveMarkAsync(string mailbox, uint uidValidity, long highestUid, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var state = await db.Set<ImapMailboxState>().FirstOrDefaultAsync(s => s.Mailbox == mailbox, ct)
            ?? db.Add(new ImapMailboxState { Mailbox = mailbox }).Entity;
        (state.UidValidity, state.HighestUid, state.UpdatedAt) = (uidValidity, highestUid, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<byte[]> ReadAsync(IMailFolder folder, UniqueId uid, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var stream = await folder.GetStreamAsync(uid, ct))
            await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>Waits (IDLE, at most 9 minutes: some servers drop longer idles) until the folder reports new mail.</summary>
    public async Task WaitForNewMailAsync(MailboxOptions mailbox, TimeSpan pollInterval, CancellationToken ct)
    {
        using var client = await ConnectAsync(mailbox, ct);
        if (!mailbox.UseIdle || !client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await client.DisconnectAsync(true, ct);
            await Task.Delay(pollInterval, ct);
            return;
        }
        var folder = await OpenAsync(client, mailbox, ct);
        // Mail delivered after the last fetch looked and before this SELECT raises no event in IDLE: without this
        // check it waited for the 9-minute timeout (the two-console proof found 465 of 500 mails waiting).
        if (ArrivedSinceLastFetch(mailbox.Name, folder))
        {
            await client.DisconnectAsync(true, ct);
            return;
        }
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        done.CancelAfter(TimeSpan.FromMinutes(9));
        folder.CountChanged += (_, _) => done.Cancel();
        try
        {
            await client.IdleAsync(done.Token, ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
        if (client.IsConnected) await client.DisconnectAsync(true, CancellationToken.None);
    }

    private bool ArrivedSinceLastFetch(string mailbox, IMailFolder folder) =>
        _lastLook.TryGetValue(mailbox, out var last)
        && (last.UidValidity != folder.UidValidity || (folder.UidNext?.Id is { } next && last.UidNext is { } before && next > before));

    private static async Task<ImapClient> ConnectAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        var client = new ImapClient();
        try
        {
            await MailConnection.ConnectAsync(client, mailbox.Host!, mailbox.Port == 0 ? 143 : mailbox.Port, mailbox.Security, ct);
            if (!string.IsNullOrEmpty(mailbox.UserName))
                await client.AuthenticateAsync(mailbox.UserName, mailbox.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<IMailFolder> OpenAsync(ImapClient client, MailboxOptions mailbox, CancellationToken ct)
    {
        var folder = string.IsNullOrEmpty(mailbox.Folder) ? client.Inbox : await client.GetFolderAsync(mailbox.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        return folder;
    }
}
