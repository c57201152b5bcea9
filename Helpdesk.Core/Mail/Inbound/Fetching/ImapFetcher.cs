using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;

namespace Helpdesk.Core.Mail.Inbound.Fetching;

/// <summary>Fetches unseen mail over IMAP; a mail is flagged \Seen only after its row is committed, each on its own.</summary>
public sealed class ImapFetcher(InboundMailStore store) : IMailboxFetcher
{
    public MailboxKind Kind => MailboxKind.Imap;

    public async Task<IReadOnlyList<long>> FetchAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        using var client = await ConnectAsync(mailbox, ct);
        var folder = await OpenAsync(client, mailbox, ct);
        var stored = new List<long>();
        foreach (var uid in await folder.SearchAsync(SearchQuery.NotSeen, ct))
        {
            var result = await store.TryStoreAsync(mailbox.Name, $"UID {uid.Id}", token => ReadAsync(folder, uid, token),
                _ => $"{folder.UidValidity}:{uid.Id}", () => client.IsConnected, ct);
            if (result is not { } kept) continue; // stays unseen, so the next fetch tries it again
            if (kept.IsNew) stored.Add(kept.Id);
            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
        }
        await client.DisconnectAsync(true, ct);
        return stored;
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
