namespace Helpdesk.Core.Attachments;

/// <summary>A file already written to the blob store but not yet attached to a ticket (e.g. added during an edit).</summary>
public sealed record StagedFile(string FileName, string ContentType, long Size, string Sha256, bool IsInline = false, string? ContentId = null);
