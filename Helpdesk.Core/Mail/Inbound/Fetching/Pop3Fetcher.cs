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
            var number = index;
            var result = await store.TryStoreAsync(mailbox.Name, $"number {number + 1}", token => ReadAsync(client, number, token),
                raw => uids?[number] ?? Parsing.InboundMailReader.SyntheticMessageId(raw), () => client.IsConnected, ct);
            if (result is not { } kept) continue; // not deleted, so the next fetch tries it again
            if (kept.IsNew) stored.Add(kept.Id);
            await client.DeleteMessageAsync(index, ct);
        }
        // QUIT commits the deletions (POP3 deletes happen at QUIT).
        await client.DisconnectAsync(true, ct);
        return stored;
    }

    private static async Task<byte[]> ReadAsync(Pop3Client client, int index, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var stream = await client.GetStreamAsync(index, headersOnly: false, ct))
            await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
