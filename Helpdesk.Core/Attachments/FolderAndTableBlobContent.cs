using Helpdesk.Core.Persistence;

namespace Helpdesk.Core.Attachments;

/// <summary>
/// The Folder store: content up to <see cref="BlobOptions.TableUpToBytes"/> in the database's StoredBlob table, larger
/// content one file each in the folder. Most content is small (raw mail, signatures, screenshots), and a file of its
/// own costs the file system an inode and a directory entry, and its writer a write outside the transaction that
/// refers to it; a row joins that transaction. Content is found wherever it is, so a folder kept from before (or from a
/// smaller limit) reads as it did.
/// </summary>
public sealed class FolderAndTableBlobContent(FolderBlobContent folder, DatabaseBlobContent table, long tableUpTo) : IBlobContent
{
    public string ScratchFolder => folder.ScratchFolder;

    public bool Exists(string sha256, HelpdeskDbContext? within) => folder.Exists(sha256, within) || table.Exists(sha256, within);

    public Stream? OpenRead(string sha256) => folder.OpenRead(sha256) ?? table.OpenRead(sha256);

    public bool IsRow(long size) => size <= tableUpTo;

    public Task PutFileAsync(string sha256, string scratchFile, CancellationToken ct) =>
        IsRow(new FileInfo(scratchFile).Length) ? table.PutFileAsync(sha256, scratchFile, ct) : folder.PutFileAsync(sha256, scratchFile, ct);

    public Task PutAsync(string sha256, ReadOnlyMemory<byte> content, HelpdeskDbContext? within, CancellationToken ct) =>
        IsRow(content.Length) ? table.PutAsync(sha256, content, within, ct) : folder.PutAsync(sha256, content, within, ct);

    /// <summary>The folder's hashes, then the table's not also in the folder (put there before the limit changed).</summary>
    public async IAsyncEnumerable<string> HashesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var hash in folder.HashesAsync(ct)) yield return hash;
        await foreach (var hash in table.HashesAsync(ct))
            if (!folder.Exists(hash, within: null)) yield return hash;
    }
}
