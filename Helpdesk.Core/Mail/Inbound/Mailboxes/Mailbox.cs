using MailKit.Security;

namespace Helpdesk.Core.Mail.Inbound.Mailboxes;

/// <summary>A mailbox an administrator added on the Mailboxes page (configured ones live in <see cref="InboundMailOptions"/>).</summary>
public sealed class Mailbox
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public MailboxKind Kind { get; set; }
    public string? Host { get; set; }
    public int Port { get; set; }
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? UserName { get; set; }

    /// <summary>The password as protected by <see cref="MailboxPasswords"/>; never the plain text.</summary>
    public string? ProtectedPassword { get; set; }

    public string? Folder { get; set; }
    public bool UseIdle { get; set; } = true;
    public bool Enabled { get; set; } = true;

    /// <summary>The help topic of tickets created from this mailbox's mail, unless a team address gives one.</summary>
    public int? DefaultHelpTopicId { get; set; }
}
