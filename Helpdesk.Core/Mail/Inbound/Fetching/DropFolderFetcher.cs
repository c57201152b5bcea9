using System.Security.Cryptography;
using Helpdesk.Core.Common;

namespace Helpdesk.Core.Mail.Inbound.Fetching;

/// <summary>
/// The embedded default mailbox: every *.eml file put into the folder is a received mail. After it is stored the
/// file moves to "processed/" beside it.
/// </summary>
public sealed class DropFolderFetcher(InboundMailStore store, DataFolder dataFolder) : IMailboxFetcher
{
    public const string DefaultFolder = "mail/inbox";

    public MailboxKind Kind => MailboxKind.DropFolder;

    public string FolderOf(MailboxOptions mailbox) => Path.GetFullPath(mailbox.Folder ?? DefaultFolder, dataFolder.Path);

    public async Task<IReadOnlyList<long>> FetchAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        var folder = FolderOf(mailbox);
        var processed = Path.Combine(folder, "processed");
        Directory.CreateDirectory(processed);
        var stored = new List<long>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            byte[] raw;
            try
            {
                raw = await File.ReadAllBytesAsync(file, ct);
            }
            catch (IOException)
            {
                continue; // still being written; next poll
            }
            var serverId = $"{Path.GetFileName(file)}:{Convert.ToHexStringLower(SHA256.HashData(raw))[..16]}";
            var (id, isNew) = await store.StoreAsync(mailbox.Name, serverId, raw, ct);
            if (isNew) stored.Add(id);
            File.Move(file, Path.Combine(processed, Path.GetFileName(file)), overwrite: true);
        }
        return stored;
    }
}
