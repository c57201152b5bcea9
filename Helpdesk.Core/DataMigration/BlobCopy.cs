using System.Security.Cryptography;
using Helpdesk.Core.Attachments;

namespace Helpdesk.Core.DataMigration;

/// <summary>Copies every file of a Folder store into the target's blob table, then reads each back and checks its hash.</summary>
public static class BlobCopy
{
    public static async Task<(int Copied, IReadOnlyList<string> Bad)> CopyAsync(FolderBlobContent source, IBlobContent target, CancellationToken ct)
    {
        var copied = 0;
        var bad = new List<string>();
        await foreach (var hash in source.HashesAsync(ct))
        {
            byte[] content;
            await using (var file = source.OpenRead(hash)!)
            using (var buffer = new MemoryStream())
            {
                await file.CopyToAsync(buffer, ct);
                content = buffer.ToArray();
            }
            await target.PutAsync(hash, content, within: null, ct);
            copied++;
            await using var stored = target.OpenRead(hash);
            if (stored is null || Convert.ToHexStringLower(await SHA256.HashDataAsync(stored, ct)) != hash) bad.Add(hash);
        }
        return (copied, bad);
    }
}
