using System.Net.Sockets;
using Helpdesk.Tests.TestSupport.MailStack;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>Bare MailKit against the loopback Dovecot: filling a benchmark's mailbox, the fetch ceiling, clearing up.</summary>
public static class BenchImap
{
    private const int AppendBatch = 100;

    /// <summary>Appends the mails unread (MULTIAPPEND, in batches).</summary>
    public static async Task AppendAsync(string address, IReadOnlyList<byte[]> messages)
    {
        using var client = await ConnectAsync(address);
        foreach (var batch in messages.Chunk(AppendBatch))
        {
            var requests = batch.Select(raw => (IAppendRequest)new AppendRequest(MimeMessage.Load(new MemoryStream(raw, writable: false)), MessageFlags.None)).ToList();
            await client.Inbox.AppendAsync(requests);
        }
        await client.DisconnectAsync(true);
    }

    /// <summary>Connect, log in, examine (read-only: nothing gets \Seen) and fetch every full message in one pipelined command.</summary>
    public static async Task<int> FetchAllAsync(string address)
    {
        using var client = await ConnectAsync(address);
        var inbox = (ImapFolder)client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly);
        var uids = await inbox.SearchAsync(MailKit.Search.SearchQuery.All);
        var fetched = 0;
        await inbox.GetStreamsAsync(uids, async (_, _, _, stream, ct) =>
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            if (buffer.Length > 0) Interlocked.Increment(ref fetched);
        });
        await client.DisconnectAsync(true);
        return fetched;
    }

    public static async Task DeleteAllAsync(string address)
    {
        using var client = await ConnectAsync(address);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        var all = await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.All);
        await client.Inbox.AddFlagsAsync(all, MessageFlags.Deleted, silent: true);
        await client.Inbox.ExpungeAsync();
        await client.DisconnectAsync(true);
    }

    // Nagle off, as the product's fetcher has it.
    private static async Task<ImapClient> ConnectAsync(string address)
    {
        var client = new ImapClient();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(MailStackServer.Host, MailStackServer.ImapPort);
        await client.ConnectAsync(socket, MailStackServer.Host, MailStackServer.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(address, MailStackServer.Password);
        return client;
    }
}
