using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Persistence;
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
/// Email reply is offered on a case log only while an "on log update" trigger for that log has an Active or Test
/// action; otherwise the editor shows no checkbox.
/// </summary>
public sealed class EmailReplyAvailability(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlySet<CaseLogKind>> AvailableLogsAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var logs = await db.Set<Trigger>().AsNoTracking()
            .Where(t => t.Kind == TriggerKind.OnLogUpdate && t.TargetClass == "Ticket" && t.Actions.Any(a => a.Status != ActionStatus.Inactive))
            .Select(t => t.LogAttribute).Distinct().ToListAsync(ct);
        return logs.Select(l => l == "private_log" ? CaseLogKind.Private : CaseLogKind.Public).ToHashSet();
    }
}
