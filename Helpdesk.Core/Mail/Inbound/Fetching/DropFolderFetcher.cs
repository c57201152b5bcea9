using System.Security.Cryptography;
using Helpdesk.Core.Common;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Mail.Inbound.Fetching;

/// <summary>
/// The embedded default mailbox: every *.eml file put into the folder is a received mail. Files are stored in batches
/// (one transaction each); after its row is committed a file moves to "processed/" beside it. A file that cannot be
/// read stays for the next poll and holds up no other.
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
        var batch = new List<(string File, string ServerId, byte[] Raw)>();
        var bytes = 0L;
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal).Where(IsSettled).ToList())
        {
            if (await ReadAsync(file, mailbox, ct) is not { } raw) continue; // stays in the folder for the next poll
            if (batch.Count > 0 && (batch.Count == InboundMailStore.BatchMails || bytes + raw.Length > InboundMailStore.BatchBytes))
            {
                await StoreAsync(mailbox, batch, processed, stored, ct);
                (batch, bytes) = ([], 0);
            }
            var name = Path.GetFileName(file);
            batch.Add((file, $"{name}:{Convert.ToHexStringLower(SHA256.HashData(raw))[..16]}", raw));
            bytes += raw.Length;
        }
        if (batch.Count > 0) await StoreAsync(mailbox, batch, processed, stored, ct);
        return stored;
    }

    private async Task<byte[]?> ReadAsync(string file, MailboxOptions mailbox, CancellationToken ct)
    {
        try
        {
            return await File.ReadAllBytesAsync(file, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Mail {Where} in mailbox {Mailbox} could not be read; it stays in the folder for the next poll", Path.GetFileName(file), mailbox.Name);
            return null;
        }
    }

    private async Task StoreAsync(MailboxOptions mailbox, List<(string File, string ServerId, byte[] Raw)> batch, string processed, List<long> stored, CancellationToken ct)
    {
        var rows = await store.StoreBatchAsync(mailbox.Name, [.. batch.Select(b => (b.ServerId, b.Raw))], ct);
        for (var i = 0; i < batch.Count; i++)
        {
            if (rows[i] is not { } kept) continue; // stays in the folder for the next poll
            if (kept.IsNew) stored.Add(kept.Id);
            Move(batch[i].File, Path.Combine(processed, Path.GetFileName(batch[i].File)));
        }
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
