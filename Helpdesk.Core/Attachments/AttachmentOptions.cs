namespace Helpdesk.Core.Attachments;

/// <summary>Settings for attachments, section "Attachments".</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Largest accepted file, in bytes (default 20 MB).</summary>
    public long MaxFileSizeBytes { get; set; } = 20 * 1024 * 1024;
}
