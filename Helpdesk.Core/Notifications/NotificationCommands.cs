using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications.Oql;
using Helpdesk.Core.Notifications.Templates;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.SharedState;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Notifications;

public sealed record TriggerInput(int? Id, string Name, TriggerKind Kind, string? LogAttribute, string? Filter, IReadOnlyList<int> ActionIds);

public sealed record EmailActionInput(int? Id, string Name, ActionStatus Status, string? TestRecipient, string? From, string? ReplyTo,
    string? To, string? Cc, string? Bcc, string SubjectTemplate, string BodyTemplate);

/// <summary>Saves a trigger; a filter that does not parse is refused with the position of the error.</summary>
public sealed class SaveTriggerCommand(IDbContextFactory<HelpdeskDbContext> contextFactory, SettingsChanges changes)
{
    public async Task<int> ExecuteAsync(TriggerInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors["name"] = "A name is required.";
        if (input.Kind == TriggerKind.OnLogUpdate && input.LogAttribute is not ("public_log" or "private_log"))
            errors["logAttribute"] = "Choose the case log: public_log or private_log.";
        if (!string.IsNullOrWhiteSpace(input.Filter))
            try { TicketFilter.Validate(input.Filter); }
            catch (OqlSyntaxException ex) { errors["filter"] = ex.Message; }
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var trigger = input.Id is { } id
            ? await db.Set<Trigger>().Include(t => t.Actions).FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("That trigger no longer exists.")
            : db.Add(new Trigger { Name = input.Name }).Entity;
        trigger.Name = input.Name.Trim();
        trigger.Kind = input.Kind;
        trigger.LogAttribute = input.Kind == TriggerKind.OnLogUpdate ? input.LogAttribute : null;
        trigger.Filter = string.IsNullOrWhiteSpace(input.Filter) ? null : input.Filter.Trim();
        trigger.Actions = await db.Set<EmailAction>().Where(a => input.ActionIds.Contains(a.Id)).ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(SettingsChanges.Notifications, ct);
        return trigger.Id;
    }
}

/// <summary>Saves an email action; recipient queries and templates that do not parse are refused with the position of the error.</summary>
public sealed class SaveEmailActionCommand(IDbContextFactory<HelpdeskDbContext> contextFactory, SettingsChanges changes)
{
    public async Task<int> ExecuteAsync(EmailActionInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var action = input.Id is { } id
            ? await db.Set<EmailAction>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("That email action no longer exists.")
            : db.Add(new EmailAction { Name = input.Name, SubjectTemplate = "", BodyTemplate = "" }).Entity;
        action.Name = input.Name.Trim();
        action.Status = input.Status;
        action.TestRecipient = Clean(input.TestRecipient);
        action.From = Clean(input.From);
        action.ReplyTo = Clean(input.ReplyTo);
        action.To = Clean(input.To);
        action.Cc = Clean(input.Cc);
        action.Bcc = Clean(input.Bcc);
        action.SubjectTemplate = input.SubjectTemplate;
        action.BodyTemplate = input.BodyTemplate;
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(SettingsChanges.Notifications, ct);
        return action.Id;
    }

    public static Dictionary<string, string> Validate(EmailActionInput input)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors["name"] = "A name is required.";
        foreach (var (field, query) in new[] { ("to", input.To), ("cc", input.Cc), ("bcc", input.Bcc) })
            if (!string.IsNullOrWhiteSpace(query))
                try { PersonQueryCompiler.Validate(query); }
                catch (OqlSyntaxException ex) { errors[field] = ex.Message; }
        if (input.Status == ActionStatus.Active && string.IsNullOrWhiteSpace(input.To) && string.IsNullOrWhiteSpace(input.Cc) && string.IsNullOrWhiteSpace(input.Bcc))
            errors["to"] = "An active action needs at least one recipient query.";
        if (input.Status == ActionStatus.Test && !EmailAddresses.IsMailbox(input.TestRecipient))
            errors["testRecipient"] = "In Test status mail goes only to the test recipient: give a valid address.";
        foreach (var (field, address) in new[] { ("from", input.From), ("replyTo", input.ReplyTo) })
            if (!string.IsNullOrWhiteSpace(address) && !EmailAddresses.IsMailbox(address)) errors[field] = $"\"{address}\" is not an email address.";
        foreach (var (field, template) in new[] { ("subjectTemplate", input.SubjectTemplate), ("bodyTemplate", input.BodyTemplate) })
        {
            if (string.IsNullOrWhiteSpace(template)) { errors[field] = "Required."; continue; }
            try { MailTemplate.Parse(template); }
            catch (TemplateSyntaxException ex) { errors[field] = ex.Message; }
        }
        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
