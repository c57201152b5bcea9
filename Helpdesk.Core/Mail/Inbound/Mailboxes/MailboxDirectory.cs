using System.Security.Cryptography;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Inbound.Mailboxes;

/// <summary>The mailboxes to fetch: the configured ones (or the embedded drop folder) plus the enabled saved ones.</summary>
public sealed class MailboxDirectory(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    IOptions<InboundMailOptions> options,
    MailboxPasswords passwords,
    ILogger<MailboxDirectory> logger)
{
    public async Task<IReadOnlyList<MailboxOptions>> GetEffectiveAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var saved = await db.Set<Mailbox>().AsNoTracking().Where(m => m.Enabled).OrderBy(m => m.Name).ToListAsync(ct);
        var result = new List<MailboxOptions>(options.Value.EffectiveMailboxes());
        foreach (var mailbox in saved)
        {
            // The save refuses configured names, but configuration can gain one later; the configured mailbox wins.
            if (result.Any(m => string.Equals(m.Name, mailbox.Name, StringComparison.OrdinalIgnoreCase)))
                logger.LogWarning("The saved mailbox {Mailbox} has the name of a configured one and is not fetched; rename it on the Mailboxes page", mailbox.Name);
            else if (TryUnprotect(mailbox, out var password)) result.Add(ToOptions(mailbox, password));
        }
        return result;
    }

    internal bool TryUnprotect(Mailbox mailbox, out string? password)
    {
        password = null;
        if (mailbox.ProtectedPassword is null) return true;
        try
        {
            password = passwords.Unprotect(mailbox.ProtectedPassword);
            return true;
        }
        catch (CryptographicException ex)
        {
            // Fetching with a wrong password would only lock the account; the admin re-enters it on the Mailboxes page.
            logger.LogError(ex, "The saved password of mailbox {Mailbox} cannot be decrypted (the data protection keys in the data folder changed); it is not fetched until the password is entered again", mailbox.Name);
            return false;
        }
    }

    internal static MailboxOptions ToOptions(Mailbox mailbox, string? password) => new()
    {
        Name = mailbox.Name,
        Kind = mailbox.Kind,
        Host = mailbox.Host,
        Port = mailbox.Port,
        Security = mailbox.Security,
        UserName = mailbox.UserName,
        Password = password,
        Folder = mailbox.Folder,
        UseIdle = mailbox.UseIdle,
    };
}
