using Helpdesk.Core.Attachments;

namespace Helpdesk.Core.CaseLog;

public enum CaseLogKind
{
    Public,
    Private,
}

public enum TextFormat
{
    Plain,
    Markdown,
    Html,
}

/// <summary>Where an entry came from: an agent in the console, the customer (portal or inbound mail), or the system.</summary>
public enum EntryOrigin
{
    Console,
    Customer,
    System,
}

/// <summary>An append-only entry of a ticket's public or private log.</summary>
public sealed class CaseLogEntry
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public CaseLogKind Log { get; set; }
    public int? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string Text { get; set; }
    public TextFormat Format { get; set; }

    /// <summary>The entry rendered to sanitized HTML, safe to show; remote images in it are blocked.</summary>
    public required string Html { get; set; }

    /// <summary>The remote images <see cref="Html"/> blocked, numbered by place; only these may be loaded through the console.</summary>
    public List<string> RemoteImageUrls { get; set; } = [];

    /// <summary>The <see cref="CaseLogHtml.Version"/> that rendered <see cref="Html"/>; older rows are rendered again at start-up.</summary>
    public int HtmlVersion { get; set; } = CaseLogHtml.Version;
    public EntryOrigin Origin { get; set; }

    /// <summary>The Message-ID of the mail this entry came from, so a re-fetched mail never adds it twice.</summary>
    public string? SourceMessageId { get; set; }

    /// <summary>
    /// The received mail this entry came from; unique per ticket. Not the Message-ID: senders reuse those for different
    /// mails, and each such mail is an entry of its own.
    /// </summary>
    public long? SourceInboundId { get; set; }
    public List<Attachment> Attachments { get; set; } = [];

    /// <summary>The agents a private note mentions; each is alerted.</summary>
    public List<CaseLogMention> Mentions { get; set; } = [];
}
