namespace Helpdesk.Core.Mail.Inbound.Parsing;

public sealed record InboundAttachment(string FileName, string ContentType, byte[] Content, bool IsInline, string? ContentId);

/// <summary>What the helpdesk needs from a received mail, decoded.</summary>
public sealed record InboundMailContent
{
    public required string MessageId { get; init; }
    public string? FromAddress { get; init; }
    public string? FromName { get; init; }

    /// <summary>Set when the sender was not taken from a usable From header: where it came from instead, or that there is none.</summary>
    public string? SenderNote { get; init; }
    public required IReadOnlyList<string> Recipients { get; init; }
    public IReadOnlyList<string> CcAddresses { get; init; } = [];
    public required string Subject { get; init; }
    public DateTimeOffset? Date { get; init; }
    public string? InReplyTo { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
    public required string TextBody { get; init; }
    public string? HtmlBody { get; init; }
    public IReadOnlyList<InboundAttachment> Attachments { get; init; } = [];
}
