using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Mail.Outbound.MailOut;
using Helpdesk.Core.Notifications.Oql;
using Helpdesk.Core.Tickets.Events;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// The administrator's notifications: finds the triggers a ticket event fires and asks for one mail per Active or Test
/// email action. <see cref="MailOutComposer"/> sends them, before any built-in message to the same address.
/// </summary>
public sealed class NotificationEngine : IMailIntentSource
{
    public async Task<IReadOnlyList<MailIntent>> IntentsAsync(MailOutEvent e, CancellationToken ct)
    {
        var (kinds, log) = FiringTriggers.Of(e.Event);
        var intents = new List<MailIntent>();
        foreach (var trigger in await FiringTriggers.ForAsync(e.Db, kinds, log, e.FactsAsync, ct))
            foreach (var action in trigger.Actions)
                intents.Add(await IntentAsync(e, trigger, action, ct));
        return intents;
    }

    private static async Task<MailIntent> IntentAsync(MailOutEvent e, Trigger trigger, EmailAction action, CancellationToken ct)
    {
        var source = MailSource.Trigger(trigger.Id, trigger.Name, action.Id, action.Name);
        IReadOnlyList<OutboxRecipient> recipients = [];
        string? problem = null;
        try
        {
            // The agent's To and Cc replace the recipient queries of the reply's mail, not of other notifications.
            var chosen = trigger.Kind == TriggerKind.OnLogUpdate ? (e.Event as CaseLogAppendedEvent)?.Recipients : null;
            recipients = await NotificationRenderer.RecipientsAsync(e.Db, action, await e.FactsAsync(ct), ct, chosen);
        }
        catch (OqlSyntaxException ex)
        {
            problem = $"Not sent: a recipient query of {source.Name} is not valid ({ex.Message}). Correct it; later mails use the corrected query.";
        }
        return new MailIntent
        {
            Source = source,
            Wording = NotificationRenderer.Wording(action),
            Recipients = recipients,
            OneMailForAll = true,
            Entry = e.Entry,
            From = string.IsNullOrWhiteSpace(action.From) ? null : action.From,
            ReplyTo = action.ReplyTo,
            // A reply an agent wrote in the case log is a person's answer; every other notification is automatic.
            AutoSubmitted = trigger.Kind != TriggerKind.OnLogUpdate,
            IsTest = action.Status == ActionStatus.Test,
            Problem = problem,
        };
    }
}
