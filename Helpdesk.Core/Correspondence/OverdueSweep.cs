using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Events;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Correspondence;

/// <summary>
/// Marks open tickets overdue once — past their resolution target, or past their SLA plan's grace period — and sends
/// the overdue alert. Run by a hosted scheduler; safe to run any number of times.
/// </summary>
public sealed class OverdueSweep(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    AlertRecipientResolver recipients,
    CorrespondenceMail mail,
    ITicketChangeFeed feed,
    TimeProvider clock)
{
    /// <returns>The tickets that became overdue.</returns>
    public async Task<IReadOnlyList<int>> RunAsync(CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = new[] { TicketStatus.Completed, TicketStatus.Closed };
        var plans = await db.Set<SlaPlan>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.GracePeriodHours, ct);
        var candidates = await db.Set<Ticket>()
            .Where(t => t.OverdueAt == null && !closed.Contains(t.Status) && (t.ResolutionTargetAt != null || t.SlaPlanId != null))
            .ToListAsync(ct);
        var overdue = candidates.Where(t => DueAt(t, plans) is { } due && due <= now).ToList();
        foreach (var ticket in overdue)
        {
            ticket.OverdueAt = now;
            db.Add(new TicketAuditEntry { TicketId = ticket.Id, At = now, ActorName = Actor.System.Name, Field = "overdue", NewValue = "yes", Note = "Past its due time" });
            var facts = await TicketFacts.LoadAsync(db, ticket, null, null, ct);
            await mail.QueueAsync(db, CorrespondenceKind.OverdueAlert, facts, ticket.Id,
                await recipients.ResolveAsync(db, CorrespondenceKind.OverdueAlert, ticket, null, autoAssigned: false, skip: [], ct), ct);
        }
        await db.SaveChangesAsync(ct);
        foreach (var ticket in overdue)
            feed.Publish(new TicketChanged(ticket.Id, TicketChangeKind.Updated, null, now));
        return [.. overdue.Select(t => t.Id)];
    }

    private static DateTime? DueAt(Ticket ticket, IReadOnlyDictionary<int, int> plans) =>
        ticket.ResolutionTargetAt ?? (ticket.SlaPlanId is { } plan && plans.TryGetValue(plan, out var hours) ? ticket.CreatedAt.AddHours(hours) : null);
}
