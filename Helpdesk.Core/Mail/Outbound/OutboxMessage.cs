namespace Helpdesk.Core.Mail.Outbound;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// A mail to send, written in the same transaction as the change that caused it (transactional outbox).
/// The send worker delivers it at least once; <see cref="MessageId"/> is fixed at creation so a resend is the same mail.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The table of <see cref="TextBody"/>, <see cref="HtmlBody"/> and <see cref="RecipientReasons"/>, one row per mail.</summary>
    public const string BodyTable = "OutboxMessageBody";

    public long Id { get; set; }
    public required string MessageId { get; set; }
    public int? TicketId { get; set; }

    /// <summary>The case-log entry this mail carries, so the entry can show where it went and whether it arrived.</summary>
    public long? CaseLogEntryId { get; set; }

    /// <summary>Why this mail exists, e.g. "email_action" or "autoresponse:new_ticket"; shown in the notification log.</summary>
    public required string Kind { get; set; }
    public int? TriggerId { get; set; }
    public int? ActionId { get; set; }
    public bool IsTest { get; set; }
    public required string From { get; set; }
    public string? ReplyTo { get; set; }

    /// <summary>Address lists in RFC 5322 form ("Name &lt;a@b&gt;, c@d").</summary>
    public required string To { get; set; }
    public string Cc { get; set; } = "";
    public string Bcc { get; set; } = "";
    /// <summary>A rendered subject (a template around a ticket subject of up to 1000 characters) may be longer: it is cut to this.</summary>
    public const int MaxSubjectLength = 1000;

    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public string? InReplyTo { get; set; }
    public string? References { get; set; }
    public bool AutoSubmitted { get; set; } = true;
    public List<OutboxAttachment> Attachments { get; set; } = [];

    /// <summary>Why each recipient is on the mail, for the notification log (one line per recipient).</summary>
    public string? RecipientReasons { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>SHA-256 of the sent MIME in the blob store (raw bytes kept for every mail out).</summary>
    public string? RawSha256 { get; set; }
    public DateTime? BouncedAt { get; set; }

    /// <summary>
    /// When a mail server last reported the mail delayed (it keeps trying); a later report of its delivery clears it, and
    /// a bounce (<see cref="BouncedAt"/>) ends it.
    /// </summary>
    public DateTime? DelayedAt { get; set; }

    /// <summary>
    /// Which send round holds this row, until <see cref="ClaimExpiresAt"/>: one claimant per row, even with several
    /// processes on one database. An expired claim (its holder died) is taken over.
    /// </summary>
    public string? ClaimToken { get; set; }
    public DateTime? ClaimExpiresAt { get; set; }

    /// <summary>Failed before any attempt to send: its template did not render or its recipients could not be found (see <see cref="LastError"/>).</summary>
    public bool NeverComposed => Status == OutboxStatus.Failed && Attempts == 0;
}

public sealed class OutboxAttachment
{
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }
}
