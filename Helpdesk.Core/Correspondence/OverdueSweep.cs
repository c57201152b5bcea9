using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Security;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Correspondence;

/// <summary>
/// Marks open tickets overdue once — past their resolution target, or past their SLA plan's grace period — and
/// publishes <see cref="TicketOverdueEvent"/>, so the overdue alert and any OnOverdue trigger fire in the same
/// transaction. Run by a hosted scheduler; safe to run any number of times.
/// </summary>
public sealed class OverdueSweep(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    TicketWrite write,
    TimeProvider clock,
    ILogger<OverdueSweep> logger)
{
    private static readonly TicketStatus[] Closed = [TicketStatus.Completed, TicketStatus.Closed];

    /// <returns>The tickets that became overdue.</returns>
    public async Task<IReadOnlyList<int>> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(int Id, int Version)> due;
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            var plans = await db.Set<SlaPlan>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.GracePeriodHours, ct);
            var candidates = await db.Set<Ticket>().AsNoTracking()
                .Where(t => t.OverdueAt == null && !Closed.Contains(t.Status) && (t.ResolutionTargetAt != null || t.SlaPlanId != null))
                .ToListAsync(ct);
            due = [.. candidates.Where(t => !TicketSla.ClockStopped(t.Status, t.ResolutionTargetAt) && DueAt(t, plans) is { } at && at <= now)
                .Select(t => (t.Id, t.Version))];
        }
        var overdue = new List<int>();
        foreach (var (id, version) in due)
        {
            try
            {
                if (await MarkAsync(id, version, now, ct)) overdue.Add(id);
            }
            catch (NotFoundException)
            {
                // Deleted since the candidates were read: nothing is due.
            }
        }
        return overdue;
    }

    /// <summary>One transaction per ticket, guarded by its version: a ticket edited meanwhile is checked again next sweep.</summary>
    private Task<bool> MarkAsync(int id, int version, DateTime now, CancellationToken ct) =>
        write.ChangeAsync(id, TicketOperation.ChangeFields, Actor.System, scope =>
        {
            var ticket = scope.Ticket;
            if (ticket.Version != version)
            {
                logger.LogInformation("Ticket {Ticket} changed while it was being marked overdue; the next sweep checks it again", ticket.Number);
                return Task.FromResult(false);
            }
            ticket.OverdueAt = now;
            ticket.Version++;
            scope.Db.Add(TicketAuditTrail.Entry(ticket, Actor.System, now, "overdue", null, "yes", "Past its due time"));
            scope.Changed(TicketChangeKind.Updated, new TicketOverdueEvent(ticket, Actor.System));
            return Task.FromResult(true);
        }, ct);

    private static DateTime? DueAt(Ticket ticket, IReadOnlyDictionary<int, int> plans) => TicketSla.DueAt(ticket.ResolutionTargetAt, ticket.CreatedAt,
        ticket.SlaPlanId is { } plan && plans.TryGetValue(plan, out var hours) ? hours : null, ticket.SlaPausedMinutes);
}
