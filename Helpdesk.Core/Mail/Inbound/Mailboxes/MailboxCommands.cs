using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Inbound.Mailboxes;

public sealed class SaveMailboxCommand(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    IOptions<InboundMailOptions> options,
    MailboxPasswords passwords,
    SharedState.SettingsChanges changes,
    SystemAlerts alerts)
{
    public async Task<int> ExecuteAsync(MailboxInput input, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var existing = input.Id is { } id
            ? await db.Set<Mailbox>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("That mailbox no longer exists.")
            : null;
        var name = input.Name?.Trim() ?? "";
        var errors = new Dictionary<string, string>();
        if (name.Length == 0) errors["name"] = "A name is required.";
        else if (name.Length > 100) errors["name"] = "The name can have at most 100 characters.";
        else if (options.Value.EffectiveMailboxes().Any(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)))
            errors["name"] = $"A mailbox named {name} is set in configuration; choose another name.";
        else if (await db.Set<Mailbox>().AnyAsync(m => m.Id != input.Id && m.Name == name, ct)) errors["name"] = $"A mailbox named {name} already exists.";
        input.CheckConnection(errors);
        var newPassword = string.IsNullOrEmpty(input.Password) ? null : input.Password;
        if (input.IsRemote && newPassword is null && existing?.ProtectedPassword is null) errors["password"] = "A password is required.";
        if (input.DefaultHelpTopicId is { } topic && !await db.Set<HelpTopic>().AnyAsync(t => t.Id == topic, ct)) errors["helpTopic"] = "The help topic does not exist.";
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        // A renamed or switched-off mailbox is no longer fetched under its old name, so nothing would end its episode.
        var retiredName = existing is not null && (!input.Enabled || !string.Equals(existing.Name, name, StringComparison.OrdinalIgnoreCase)) ? existing.Name : null;
        var mailbox = existing ?? db.Add(new Mailbox { Name = name }).Entity;
        mailbox.Name = name;
        mailbox.Kind = input.Kind;
        mailbox.Enabled = input.Enabled;
        mailbox.Host = input.IsRemote ? input.Host!.Trim() : null;
        mailbox.Port = input.IsRemote ? input.Port : 0;
        mailbox.Security = input.Security;
        mailbox.UserName = input.IsRemote ? input.UserName!.Trim() : null;
        mailbox.UseIdle = input.UseIdle;
        mailbox.DefaultHelpTopicId = input.DefaultHelpTopicId;
        mailbox.Folder = string.IsNullOrWhiteSpace(input.Folder) ? null : input.Folder.Trim();
        if (!input.IsRemote) mailbox.ProtectedPassword = null;
        else if (newPassword is not null) mailbox.ProtectedPassword = passwords.Protect(newPassword);
        await db.SaveChangesOrRefuseDuplicateAsync("name", $"A mailbox named {name} was just added by someone else.", ct);
        await changes.SavedAsync(SharedState.SettingsChanges.Mailboxes, ct);
        if (retiredName is not null) await alerts.ResolveAsync(MailboxRound.FetchAlertKeyFor(retiredName), ct);
        return mailbox.Id;
    }
}

public sealed class DeleteMailboxCommand(IDbContextFactory<HelpdeskDbContext> contextFactory, SharedState.SettingsChanges changes, SystemAlerts alerts)
{
    public async Task ExecuteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var name = await db.Set<Mailbox>().Where(m => m.Id == id).Select(m => m.Name).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("That mailbox no longer exists.");
        await db.Set<Mailbox>().Where(m => m.Id == id).ExecuteDeleteAsync(ct);
        await changes.SavedAsync(SharedState.SettingsChanges.Mailboxes, ct);
        await alerts.ResolveAsync(MailboxRound.FetchAlertKeyFor(name), ct);
    }
}
