namespace Helpdesk.Core.Attachments;

/// <summary>
/// Where <see cref="BlobStore"/> keeps content, keyed by its SHA-256 (lower-case hex): a folder or a database table
/// (configuration <c>Blobs:Store</c>). Content is immutable, so a put of a hash already present does nothing.
/// </summary>
public interface IBlobContent
{
    /// <summary>A folder for temporary files on the way in; for a folder store, on the same volume as its content.</summary>
    string ScratchFolder { get; }

    bool Exists(string sha256);

    /// <returns>Null when no content has that hash.</returns>
    Stream? OpenRead(string sha256);

    /// <summary>Stores a complete temporary file (from <see cref="ScratchFolder"/>); the file may be moved away.</summary>
    Task PutFileAsync(string sha256, string scratchFile, CancellationToken ct);

    Task PutAsync(string sha256, ReadOnlyMemory<byte> content, CancellationToken ct);

    /// <summary>Every stored hash, streamed (for copying and checking a whole store).</summary>
    IAsyncEnumerable<string> HashesAsync(CancellationToken ct);
}
