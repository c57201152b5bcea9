using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications.Oql;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// Runs inside the transaction of every ticket change: finds the triggers the change fires, and writes one outbox mail
/// per Active or Test email action into the same transaction. The send worker delivers them after the commit.
/// </summary>
public sealed class NotificationEngine(
    NotificationRenderer renderer,
    IOptions<HelpdeskOptions> helpdesk,
    IOptions<InboundMailOptions> inbound,
    TimeProvider clock,
    ILogger<NotificationEngine> logger) : ITicketEventSink
{
    public async Task HandleAsync(HelpdeskDbContext db, TicketEvent ticketEvent, CancellationToken ct)
    {
        var (kinds, log) = Fired(ticketEvent);
        if (kinds.Count == 0) return;
        var triggers = await db.Set<Trigger>().Include(t => t.Actions)
            .Where(t => kinds.Contains(t.Kind) && t.TargetClass == "Ticket").ToListAsync(ct);
        triggers = [.. triggers.Where(t => t.Kind != TriggerKind.OnLogUpdate || t.LogAttribute == log)];
        if (triggers.Count == 0) return;

        var entry = (ticketEvent as CaseLogAppendedEvent)?.Entry;
        var facts = await TicketFacts.LoadAsync(db, ticketEvent.Ticket, ticketEvent.Actor.PersonId, entry, ct);
        foreach (var trigger in triggers.Where(t => t.Filter is null || TicketFilter.Matches(TicketFilter.Validate(t.Filter), facts)))
            foreach (var action in trigger.Actions.Where(a => a.Status != ActionStatus.Inactive))
                await QueueAsync(db, trigger, action, facts, entry, ticketEvent, ct);
    }

    private static (IReadOnlyList<TriggerKind> Kinds, string? Log) Fired(TicketEvent e) => e switch
    {
        CaseLogAppendedEvent { Entry.Origin: EntryOrigin.Customer } => ([TriggerKind.OnCustomerUpdate], null),
        CaseLogAppendedEvent { Entry.Origin: EntryOrigin.Console, SendEmail: true } appended =>
            ([TriggerKind.OnLogUpdate], appended.Entry.Log == CaseLogKind.Private ? "private_log" : "public_log"),
        TicketCreatedEvent => ([TriggerKind.OnCreate], null),
        TicketFieldsChangedEvent changed => ([.. FieldTriggers(changed)], null),
        TicketOverdueEvent => ([TriggerKind.OnOverdue], null),
        _ => ([], null),
    };

    private static IEnumerable<TriggerKind> FieldTriggers(TicketFieldsChangedEvent changed)
    {
        if (changed.Changes.Any(c => c.Field is TicketFields.Member or TicketFields.Team)) yield return TriggerKind.OnAssignment;
        if (changed.Changes.Any(c => c.Field == TicketFields.Department)) yield return TriggerKind.OnTransfer;
    }

    private async Task QueueAsync(HelpdeskDbContext db, Trigger trigger, EmailAction action, TicketFacts facts, CaseLogEntry? entry, TicketEvent e, CancellationToken ct)
    {
        // The agent's To and Cc replace the recipient queries of the reply's mail, not of other notifications.
        var chosen = trigger.Kind == TriggerKind.OnLogUpdate ? (e as CaseLogAppendedEvent)?.Recipients : null;
        var rendered = await renderer.RenderAsync(db, action, facts, ct, chosen);
        if (rendered.Recipients.Count == 0 || rendered.Recipients.All(r => string.IsNullOrWhiteSpace(r.Address)))
        {
            logger.LogInformation("Action {Action} of trigger {Trigger} found no recipient for {Ticket}", action.Name, trigger.Name, e.Ticket.Number);
            return;
        }
        var host = new Uri(helpdesk.Value.PublicUrl).Host;
        var root = $"<ticket-{e.Ticket.Id}@{host}>";
        var previous = await db.Set<OutboxMessage>().Where(m => m.TicketId == e.Ticket.Id).OrderByDescending(m => m.Id).Select(m => m.MessageId).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new OutboxMessage
        {
            MessageId = $"<{Guid.NewGuid():N}@{host}>",
            TicketId = e.Ticket.Id,
            CaseLogEntryId = entry?.Id,
            Kind = "email_action",
            TriggerId = trigger.Id,
            ActionId = action.Id,
            IsTest = rendered.IsTest,
            From = string.IsNullOrWhiteSpace(action.From) ? inbound.Value.AccountAddress : action.From,
            ReplyTo = action.ReplyTo,
            To = Addresses(rendered.Recipients.Where(r => r.Field == "To")),
            Cc = Addresses(rendered.Recipients.Where(r => r.Field == "Cc")),
            Bcc = Addresses(rendered.Recipients.Where(r => r.Field == "Bcc")),
            Subject = rendered.Subject,
            TextBody = rendered.TextBody,
            HtmlBody = rendered.HtmlBody,
            InReplyTo = previous ?? root,
            References = previous is null ? root : $"{root} {previous}",
            // A reply an agent wrote in the case log is a person's answer; every other notification is automatic.
            AutoSubmitted = trigger.Kind != TriggerKind.OnLogUpdate,
            Attachments = [.. (entry?.Attachments ?? []).Select(a => new OutboxAttachment { FileName = a.FileName, ContentType = a.ContentType, Sha256 = a.Sha256, Size = a.Size })],
            RecipientReasons = string.Join('\n', rendered.Recipients.Select(r => $"{r.Address}: {r.Field} — {r.Why}")),
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    private static string Addresses(IEnumerable<RecipientReason> recipients) =>
        string.Join(", ", recipients.Select(r => new MailboxAddress(r.Name, r.Address).ToString()));
}
