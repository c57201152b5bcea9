using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Notifications.Oql;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Notifications;

/// <summary>Settings for email replies from the case log, section "EmailReply".</summary>
public sealed class EmailReplyOptions
{
    public const string Section = "EmailReply";

    /// <summary>Whether "Send by email" starts ticked when an agent opens a case-log editor.</summary>
    public bool EnabledDefault { get; set; } = true;
}

/// <summary>
/// Email reply is offered on a ticket's case log only while an "on log update" trigger for that log has an Active or
/// Test action and its filter (if any) matches the ticket; otherwise the editor shows no checkbox.
/// </summary>
public sealed class EmailReplyAvailability(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlySet<CaseLogKind>> AvailableLogsAsync(int ticketId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var triggers = await db.Set<Trigger>().AsNoTracking()
            .Where(t => t.Kind == TriggerKind.OnLogUpdate && t.TargetClass == "Ticket" && t.Actions.Any(a => a.Status != ActionStatus.Inactive))
            .Select(t => new { t.LogAttribute, t.Filter }).ToListAsync(ct);
        TicketFacts? facts = null;
        if (triggers.Any(t => t.Filter is not null)
            && await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct) is { } ticket)
            facts = await TicketFacts.LoadAsync(db, ticket, null, null, ct);
        return triggers
            .Where(t => t.Filter is null || (facts is not null && TicketFilter.Matches(TicketFilter.Validate(t.Filter), facts)))
            .Select(t => t.LogAttribute == "private_log" ? CaseLogKind.Private : CaseLogKind.Public).ToHashSet();
    }
}
