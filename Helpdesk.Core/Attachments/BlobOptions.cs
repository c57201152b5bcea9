namespace Helpdesk.Core.Attachments;

/// <summary>Where attachment, staged-file and raw-mail content lives, section "Blobs".</summary>
public sealed class BlobOptions
{
    public const string Section = "Blobs";

    /// <summary><see cref="BlobStoreKind.Folder"/> (default) or <see cref="BlobStoreKind.Database"/>.</summary>
    public BlobStoreKind Store { get; set; } = BlobStoreKind.Folder;

    /// <summary>
    /// The folder of the Folder store; by default "attachments" in the data folder. Several console instances share
    /// content by pointing this at one shared folder. Relative paths are under the data folder.
    /// </summary>
    public string? Folder { get; set; }
}

public enum BlobStoreKind
{
    Folder,
    Database,
}
