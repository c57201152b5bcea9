using Microsoft.AspNetCore.DataProtection;

namespace Helpdesk.Core.Mail.Inbound.Mailboxes;

/// <summary>Encrypts saved mailbox passwords with the Data Protection keys kept in the data folder.</summary>
public sealed class MailboxPasswords(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Helpdesk.Mail.Inbound.Mailboxes.Password");

    public string Protect(string password) => _protector.Protect(password);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The keys that protected it are gone.</exception>
    public string Unprotect(string protectedPassword) => _protector.Unprotect(protectedPassword);
}
