using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Notifications.Oql;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.SharedState;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Events;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// Which triggers fire, with their Active and Test actions: one answer for the engine that sends and for the case-log
/// editor, which offers "Send by email" only where a reply would fire an on-log-update trigger.
/// </summary>
public static class FiringTriggers
{
    /// <param name="facts">Loaded only when a trigger has a filter to match.</param>
    public static async Task<IReadOnlyList<Trigger>> ForAsync(HelpdeskDbContext db, IReadOnlyCollection<TriggerKind> kinds, string? logAttribute,
        Func<CancellationToken, Task<TicketFacts>> facts, CancellationToken ct)
    {
        if (kinds.Count == 0) return [];
        var triggers = await BatchSettings.ReadAsync($"{SettingsChanges.Notifications}:triggers:{string.Join(",", kinds)}:{logAttribute}", () =>
            db.Set<Trigger>().AsNoTracking().Include(t => t.Actions.Where(a => a.Status != ActionStatus.Inactive).OrderBy(a => a.Id))
                .Where(t => kinds.Contains(t.Kind) && t.TargetClass == "Ticket" && (t.Kind != TriggerKind.OnLogUpdate || t.LogAttribute == logAttribute))
                .Where(t => t.Actions.Any(a => a.Status != ActionStatus.Inactive))
                .OrderBy(t => t.Id).ToListAsync(ct));
        var fired = new List<Trigger>();
        foreach (var trigger in triggers)
            if (trigger.Filter is null || TicketFilter.Matches(TicketFilter.Validate(trigger.Filter), await facts(ct)))
                fired.Add(trigger);
        return fired;
    }

    /// <summary>The trigger kinds an event fires, and for an agent's entry sent by email the log it went to.</summary>
    public static (IReadOnlyList<TriggerKind> Kinds, string? Log) Of(TicketEvent e) => e switch
    {
        CaseLogAppendedEvent { Entry.Origin: EntryOrigin.Customer } => ([TriggerKind.OnCustomerUpdate], null),
        CaseLogAppendedEvent { Entry.Origin: EntryOrigin.Console, SendEmail: true } appended => ([TriggerKind.OnLogUpdate], LogAttribute(appended.Entry.Log)),
        TicketCreatedEvent => ([TriggerKind.OnCreate], null),
        TicketFieldsChangedEvent changed => ([.. FieldTriggers(changed)], null),
        TicketOverdueEvent => ([TriggerKind.OnOverdue], null),
        _ => ([], null),
    };

    public static string LogAttribute(CaseLogKind log) => log == CaseLogKind.Private ? "private_log" : "public_log";

    private static IEnumerable<TriggerKind> FieldTriggers(TicketFieldsChangedEvent changed)
    {
        if (changed.Changes.Any(c => c.Field is TicketFields.Member or TicketFields.Team)) yield return TriggerKind.OnAssignment;
        if (changed.Changes.Any(c => c.Field == TicketFields.Department)) yield return TriggerKind.OnTransfer;
    }
}
