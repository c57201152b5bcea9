using Helpdesk.Core.Persistence;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Fetching;

/// <summary>
/// Fetches mail over IMAP above the mailbox's stored high-water UID (see <see cref="ImapMailboxState"/>), read or not;
/// a mail is flagged \Seen only after its row is committed, each on its own. On first contact with a mailbox only its
/// unread mail is taken (what people already read there is history, not new requests) and the mark starts at the
/// folder's newest UID.
/// </summary>
public sealed class ImapFetcher(InboundMailStore store, IDbContextFactory<HelpdeskDbContext> contextFactory, TimeProvider clock) : IMailboxFetcher
{
    public MailboxKind Kind => MailboxKind.Imap;

    public async Task<IReadOnlyList<long>> FetchAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        using var client = await ConnectAsync(mailbox, ct);
        var folder = await OpenAsync(client, mailbox, ct);
        var stored = new List<long>();
        var state = await StoredStateAsync(mailbox.Name, ct);
        var highest = state is not null && state.UidValidity == folder.UidValidity ? state.HighestUid : 0;
        var uids = state is null
            ? (await folder.SearchAsync(SearchQuery.NotSeen, ct)).OrderBy(uid => uid.Id)
            : await NewUidsAsync(folder, highest, ct);
        var mark = highest;
        var blocked = false;
        foreach (var uid in uids)
        {
            var result = await store.TryStoreAsync(mailbox.Name, $"UID {uid.Id}", token => ReadAsync(folder, uid, token),
                _ => $"{folder.UidValidity}:{uid.Id}", () => client.IsConnected, ct);
            if (result is not { } kept)
            {
                blocked = true; // the mark stays below it, so the next fetch tries it again
                continue;
            }
            if (kept.IsNew) stored.Add(kept.Id);
            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
            if (!blocked) mark = uid.Id;
        }
        if (state is null && !blocked && folder.UidNext is { } next) mark = Math.Max(mark, next.Id - 1);
        if (mark != highest || state is null) await SaveMarkAsync(mailbox.Name, folder.UidValidity, mark, ct);
        await client.DisconnectAsync(true, ct);
        return stored;
    }

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
