using MailKit.Security;

namespace Helpdesk.Core.Mail.Inbound.Mailboxes;

/// <summary>A mailbox as the form sends it. An empty <see cref="Password"/> keeps the saved one.</summary>
public sealed record MailboxInput(int? Id, string Name, MailboxKind Kind)
{
    public string? Host { get; init; }
    public int Port { get; init; }
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.Auto;
    public string? UserName { get; init; }
    public string? Password { get; init; }
    public string? Folder { get; init; }
    public bool UseIdle { get; init; } = true;
    public bool Enabled { get; init; } = true;
    public int? DefaultHelpTopicId { get; init; }

    public bool IsRemote => Kind != MailboxKind.DropFolder;

    /// <summary>Field messages for what a connection needs (name and password are checked by the save).</summary>
    internal void CheckConnection(IDictionary<string, string> errors)
    {
        if (!IsRemote)
        {
            if (string.IsNullOrWhiteSpace(Folder)) errors["folder"] = "A folder is required for a drop folder (a path relative to the data folder, such as mail/inbox).";
            return;
        }
        var host = Host?.Trim() ?? "";
        if (host.Length == 0) errors["host"] = $"A host is required for {Kind}.";
        else if (Uri.CheckHostName(host) == UriHostNameType.Unknown) errors["host"] = "Enter a host name or IP address, such as imap.example.com.";
        if (Port is < 1 or > 65535) errors["port"] = "The port must be between 1 and 65535.";
        if (string.IsNullOrWhiteSpace(UserName)) errors["userName"] = $"A user name is required for {Kind}.";
    }
}
