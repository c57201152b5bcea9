using MimeKit;

namespace Helpdesk.Core.Common;

/// <summary>The two ways the helpdesk accepts an email address.</summary>
public static class EmailAddresses
{
    /// <summary>A bare address, no display name: how people's addresses and the administrative email are stored.</summary>
    public static bool IsPlain(string email) =>
        email.Length is > 2 and <= 320 && MailboxAddress.TryParse(email, out var parsed) && parsed.Address == email
        && email.IndexOf('@') is > 0 and var at && at < email.Length - 1;

    /// <summary>An address that may carry a display name ("Helpdesk &lt;support@example.com&gt;"), as From and Reply-To take it.</summary>
    public static bool IsMailbox(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailboxAddress.TryParse(value, out var address) && address.Address.Contains('@');
}
