namespace Helpdesk.Core.Attachments;

/// <summary>A file attached to a ticket, optionally to one of its case-log entries. Content lives in the blob store by hash.</summary>
public sealed class Attachment
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public long? CaseLogEntryId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public bool IsInline { get; set; }
    public string? ContentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? UploadedById { get; set; }
}
