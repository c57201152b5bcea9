namespace Helpdesk.Core.Attachments;

/// <summary>Where attachment, staged-file and raw-mail content lives, section "Blobs".</summary>
public sealed class BlobOptions
{
    public const string Section = "Blobs";

    /// <summary><see cref="BlobStoreKind.Folder"/> (default: small content in the database, the rest in the folder) or <see cref="BlobStoreKind.Database"/> (everything in the database).</summary>
    public BlobStoreKind Store { get; set; } = BlobStoreKind.Folder;

    /// <summary>
    /// The folder of the Folder store; by default "attachments" in the data folder. Several console instances share
    /// content by pointing this at one shared folder. Relative paths are under the data folder.
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>
    /// The Folder store keeps content of at most this many bytes in the database (the StoredBlob table) instead of a
    /// file of its own; 0 keeps everything in the folder. SQLite measured small blobs faster in the database than in
    /// files (sqlite.org, "Internal Versus External BLOBs": up to about 50 KB at its default 4 KB pages), and a sent
    /// mail's raw copy then commits with the row that records the send.
    /// </summary>
    public long TableUpToBytes { get; set; } = 64 * 1024;
}

public enum BlobStoreKind
{
    Folder,
    Database,
}
