using Helpdesk.Core.Persistence;

namespace Helpdesk.Core.Attachments;

/// <summary>
/// Where <see cref="BlobStore"/> keeps content, keyed by its SHA-256 (lower-case hex): a folder or a database table
/// (configuration <c>Blobs:Store</c>). Content is immutable, so a put of a hash already present does nothing.
/// </summary>
public interface IBlobContent
{
    /// <summary>A folder for temporary files on the way in; for a folder store, on the same volume as its content.</summary>
    string ScratchFolder { get; }

    /// <param name="within">A context whose transaction's own puts count too (see <see cref="PutAsync"/>); null: committed content only.</param>
    bool Exists(string sha256, HelpdeskDbContext? within);

    /// <returns>Null when no content has that hash.</returns>
    Stream? OpenRead(string sha256);

    /// <summary>Stores a complete temporary file (from <see cref="ScratchFolder"/>); the file may be moved away.</summary>
    Task PutFileAsync(string sha256, string scratchFile, CancellationToken ct);

    /// <summary>
    /// Whether content of this size is a row of the database (which joins a caller's transaction, see <see cref="PutAsync"/>)
    /// rather than a file: a caller holding a transaction writes files before it, so the write lock is not held meanwhile.
    /// </summary>
    bool IsRow(long size);

    /// <param name="within">
    /// A context whose transaction the content joins where it goes to the database: its row then commits, or rolls back,
    /// with the rows that refer to it. Null: a write of its own.
    /// </param>
    Task PutAsync(string sha256, ReadOnlyMemory<byte> content, HelpdeskDbContext? within, CancellationToken ct);

    /// <summary>Every stored hash, streamed (for copying and checking a whole store).</summary>
    IAsyncEnumerable<string> HashesAsync(CancellationToken ct);
}
