using MailKit.Net.Pop3;

namespace Helpdesk.Core.Mail.Inbound.Fetching;

/// <summary>Fetches all mail over POP3 and deletes each from the server only after its row is committed.</summary>
public sealed class Pop3Fetcher(InboundMailStore store) : IMailboxFetcher
{
    public MailboxKind Kind => MailboxKind.Pop3;

    public async Task<IReadOnlyList<long>> FetchAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        using var client = new Pop3Client();
        await MailConnection.ConnectAsync(client, mailbox.Host!, mailbox.Port == 0 ? 110 : mailbox.Port, mailbox.Security, ct);
        if (!string.IsNullOrEmpty(mailbox.UserName))
            await client.AuthenticateAsync(mailbox.UserName, mailbox.Password ?? "", ct);
        var stored = new List<long>();
        var uids = client.SupportsUids ? await client.GetMessageUidsAsync(ct) : null;
        for (var index = 0; index < client.Count; index++)
        {
            using var buffer = new MemoryStream();
            await using (var stream = await client.GetStreamAsync(index, headersOnly: false, ct))
                await stream.CopyToAsync(buffer, ct);
            var raw = buffer.ToArray();
            var serverId = uids?[index] ?? Parsing.InboundMailReader.SyntheticMessageId(raw);
            var (id, isNew) = await store.StoreAsync(mailbox.Name, serverId, raw, ct);
            if (isNew) stored.Add(id);
            await client.DeleteMessageAsync(index, ct);
        }
        // QUIT commits the deletions (POP3 deletes happen at QUIT).
        await client.DisconnectAsync(true, ct);
        return stored;
    }
}
