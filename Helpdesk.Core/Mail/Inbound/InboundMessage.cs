namespace Helpdesk.Core.Mail.Inbound;

public enum InboundStatus
{
    /// <summary>Raw bytes stored; not processed yet (or to be retried).</summary>
    Received,
    Processed,

    /// <summary>Deliberately not acted on (auto-reply, bounce, loop, duplicate event…); see Outcome.</summary>
    Ignored,

    /// <summary>Processing failed; kept with its error for an administrator to inspect and retry.</summary>
    Quarantined,
}

/// <summary>
/// One received mail. The raw RFC 822 bytes are stored (blob store) before anything else happens, so nothing is lost;
/// fetching is idempotent on (<see cref="Mailbox"/>, <see cref="ServerId"/>). Every other fetched item gets a row: a
/// repeat of earlier raw bytes ends as a duplicate of that row, a reused <see cref="MessageId"/> is processed as its own mail.
/// </summary>
public sealed class InboundMessage
{
    public long Id { get; set; }
    public required string Mailbox { get; set; }

    /// <summary>The server's id of the message (IMAP "uidvalidity:uid", POP3 UIDL, or the drop-folder file name).</summary>
    public required string ServerId { get; set; }
    public required string MessageId { get; set; }
    public required string RawSha256 { get; set; }
    public long Size { get; set; }
    public string? From { get; set; }

    /// <summary>The sender's address alone, lower-case (the From header may carry a display name): what the rate cap counts.</summary>
    public string? SenderAddress { get; set; }
    public string? Subject { get; set; }
    public DateTime ReceivedAt { get; set; }
    public InboundStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime? ProcessedAt { get; set; }

    /// <summary>What happened, in words an administrator understands ("created HD-12 for team Network").</summary>
    public string? Outcome { get; set; }
    public string? Error { get; set; }
    public int? TicketId { get; set; }

    /// <summary>
    /// Which processing round holds this row, until <see cref="ClaimExpiresAt"/>: one claimant per row, even with several
    /// processes on one database (the outbox's claim); a round that died leaves a lease that runs out and is taken over.
    /// </summary>
    public string? ClaimToken { get; set; }
    public DateTime? ClaimExpiresAt { get; set; }
}
