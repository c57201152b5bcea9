using Helpdesk.Core.Persistence;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Fetching;

/// <summary>
/// Fetches mail over IMAP above the mailbox's stored high-water UID (see <see cref="ImapMailboxState"/>), read or not;
/// a mail is flagged \Seen only after its row is committed, each on its own.
/// </summary>
public sealed class ImapFetcher(InboundMailStore store, IDbContextFactory<HelpdeskDbContext> contextFactory, TimeProvider clock) : IMailboxFetcher
{
    public MailboxKind Kind => MailboxKind.Imap;

    public async Task<IReadOnlyList<long>> FetchAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        using var client = await ConnectAsync(mailbox, ct);
        var folder = await OpenAsync(client, mailbox, ct);
        var stored = new List<long>();
        var highest = await HighestStoredUidAsync(mailbox.Name, folder.UidValidity, ct);
        var mark = highest;
        var blocked = false;
        foreach (var uid in await NewUidsAsync(folder, highest, ct))
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
        if (mark != highest) await SaveMarkAsync(mailbox.Name, folder.UidValidity, mark, ct);
        await client.DisconnectAsync(true, ct);
        return stored;
    }

    // "n:*" also matches the last message when every UID is below n, so the range is checked here too.
    private static async Task<IEnumerable<UniqueId>> NewUidsAsync(IMailFolder folder, long highest, CancellationToken ct) =>
        highest == 0
            ? await folder.SearchAsync(SearchQuery.All, ct)
            : (await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)highest + 1), UniqueId.MaxValue)), ct))
                .Where(uid => uid.Id > highest).OrderBy(uid => uid.Id);

    /// <returns>The stored mark, or 0 (fetch everything) when there is none or the folder's UIDVALIDITY changed.</returns>
    private async Task<long> HighestStoredUidAsync(string mailbox, uint uidValidity, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var state = await db.Set<ImapMailboxState>().AsNoTracking().FirstOrDefaultAsync(s => s.Mailbox == mailbox, ct);
        return state is not null && state.UidValidity == uidValidity ? state.HighestUid : 0;
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
