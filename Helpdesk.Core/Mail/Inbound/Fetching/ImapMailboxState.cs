namespace Helpdesk.Core.Mail.Inbound.Fetching;

/// <summary>
/// How far an IMAP mailbox has been fetched: mail above <see cref="HighestUid"/> is new to us, whatever its \Seen flag
/// (a person or another client may have read it first). A new <see cref="UidValidity"/> means the server renumbered the
/// folder, so everything is fetched again and the stored rows' Message-IDs keep it from counting twice.
/// </summary>
public sealed class ImapMailboxState
{
    public required string Mailbox { get; set; }
    public long UidValidity { get; set; }

    /// <summary>Every UID up to this one is stored (a mail that could not be stored holds the mark below it).</summary>
    public long HighestUid { get; set; }
    public DateTime UpdatedAt { get; set; }
}
