using Helpdesk.Core.CaseLog;
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
/// Email reply is offered on a ticket's case log only where an entry sent by email would fire a trigger
/// (<see cref="FiringTriggers"/>, the same answer the engine sends by); otherwise the editor shows no checkbox.
/// </summary>
public sealed class EmailReplyAvailability(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlySet<CaseLogKind>> AvailableLogsAsync(int ticketId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct) is not { } ticket) return new HashSet<CaseLogKind>();
        TicketFacts? facts = null;
        async Task<TicketFacts> Facts(CancellationToken c) => facts ??= await TicketFacts.LoadAsync(db, ticket, null, null, c);
        var available = new HashSet<CaseLogKind>();
        foreach (var log in Enum.GetValues<CaseLogKind>())
            if ((await FiringTriggers.ForAsync(db, [TriggerKind.OnLogUpdate], FiringTriggers.LogAttribute(log), Facts, ct)).Count > 0)
                available.Add(log);
        return available;
    }
}
