using System.Security.Cryptography;
using Helpdesk.Core.Common;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Mail.Inbound.Fetching;

/// <summary>
/// The embedded default mailbox: every *.eml file put into the folder is a received mail. After it is stored the
/// file moves to "processed/" beside it.
/// </summary>
public sealed class DropFolderFetcher(InboundMailStore store, DataFolder dataFolder, TimeProvider clock, ILogger<DropFolderFetcher> logger) : IMailboxFetcher
{
    public const string DefaultFolder = "mail/inbox";

    /// <summary>A file changed more recently than this may still be being written; it waits for the next poll.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    public MailboxKind Kind => MailboxKind.DropFolder;

    public string FolderOf(MailboxOptions mailbox) => Path.GetFullPath(mailbox.Folder ?? DefaultFolder, dataFolder.Path);

    public async Task<IReadOnlyList<long>> FetchAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        var folder = FolderOf(mailbox);
        var processed = Path.Combine(folder, "processed");
        Directory.CreateDirectory(processed);
        var stored = new List<long>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal).Where(IsSettled).ToList())
        {
            var name = Path.GetFileName(file);
            var result = await store.TryStoreAsync(mailbox.Name, name, token => File.ReadAllBytesAsync(file, token),
                raw => $"{name}:{Convert.ToHexStringLower(SHA256.HashData(raw))[..16]}", () => true, ct);
            if (result is not { } kept) continue; // stays in the folder for the next poll
            if (kept.IsNew) stored.Add(kept.Id);
            Move(file, Path.Combine(processed, name));
        }
        return stored;
    }

    // A file whose time is far off the clock (copied from another machine) is taken as it is, not held back.
    private bool IsSettled(string file)
    {
        var age = clock.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(file);
        return age >= SettleTime || age <= -SettleTime;
    }

    private void Move(string file, string target)
    {
        try
        {
            File.Move(file, target, overwrite: true);
        }
        catch (IOException ex)
        {
            // The row is committed; the next poll finds the file known by its content and moves it then.
            logger.LogWarning(ex, "Stored drop-folder mail {File} could not be moved to processed/", Path.GetFileName(file));
        }
    }
}
