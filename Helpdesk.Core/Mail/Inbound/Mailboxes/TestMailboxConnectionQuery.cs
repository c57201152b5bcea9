using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Inbound.Mailboxes;

public sealed record MailboxConnectionResult(bool Succeeded, string Message);

/// <summary>Connects and logs in to a mailbox as the form or configuration has it, and says what happened in plain words.</summary>
public sealed class TestMailboxConnectionQuery(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    IOptions<InboundMailOptions> options,
    MailboxDirectory directory,
    MailboxConnectionProbe probe)
{
    /// <summary>Tests the form's values; an empty password means the saved one.</summary>
    /// <exception cref="ValidationFailedException">A field the connection needs is missing or invalid.</exception>
    public async Task<MailboxConnectionResult> ExecuteAsync(MailboxInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        input.CheckConnection(errors);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var password = string.IsNullOrEmpty(input.Password) ? null : input.Password;
        if (input.IsRemote && password is null && input.Id is { } id)
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            var saved = await db.Set<Mailbox>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
            if (saved is not null && !directory.TryUnprotect(saved, out password))
                return new(false, "The saved password can no longer be decrypted (the encryption keys in the data folder changed); enter it again.");
        }
        if (input.IsRemote && password is null) throw new ValidationFailedException("password", "Enter the password to test the login.");
        return await probe.ProbeAsync(new MailboxOptions
        {
            Name = input.Name, Kind = input.Kind, Host = input.Host?.Trim(), Port = input.Port, Security = input.Security,
            UserName = input.UserName?.Trim(), Password = password, Folder = input.Folder?.Trim(), UseIdle = input.UseIdle,
        }, ct);
    }

    public async Task<MailboxConnectionResult> ExecuteConfiguredAsync(string name, CancellationToken ct = default)
    {
        var mailbox = options.Value.EffectiveMailboxes().FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException($"No mailbox named {name} is configured.");
        return await probe.ProbeAsync(mailbox, ct);
    }
}
