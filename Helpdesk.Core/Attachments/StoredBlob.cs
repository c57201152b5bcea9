namespace Helpdesk.Core.Attachments;

/// <summary>Content kept in the database (<c>Blobs:Store</c> = Database): bytea on PostgreSQL, BLOB on SQLite.</summary>
public sealed class StoredBlob
{
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
}
