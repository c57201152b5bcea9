using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// When a ticket is due: its resolution target, else creation plus its SLA plan's grace period. The plan's clock stops
/// while the ticket waits for the customer; the time spent waiting moves the due time on.
/// </summary>
public static class TicketSla
{
    public static bool Pauses(TicketStatus status) => status == TicketStatus.WaitingForCustomer;

    /// <summary>A plan's clock stands still while waiting for the customer; an explicit resolution target is a date and does not move.</summary>
    public static bool ClockStopped(TicketStatus status, DateTime? resolutionTargetAt) => resolutionTargetAt is null && Pauses(status);

    public static DateTime? DueAt(DateTime? resolutionTargetAt, DateTime createdAt, int? planHours, int pausedMinutes) =>
        resolutionTargetAt ?? (planHours is { } hours ? createdAt.AddHours(hours).AddMinutes(pausedMinutes) : null);

    /// <summary>The grace period of an SLA plan, in hours; null without a plan (or for one that no longer exists).</summary>
    public static async Task<int?> PlanHoursAsync(HelpdeskDbContext db, int? planId, CancellationToken ct) =>
        planId is { } id
            ? await db.Set<Correspondence.SlaPlan>().Where(p => p.Id == id).Select(p => (int?)p.GracePeriodHours).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>Keeps the pause bookkeeping right when the status changes.</summary>
    public static void OnStatusChange(Ticket ticket, TicketStatus next, DateTime now)
    {
        if (!Pauses(ticket.Status) && Pauses(next))
            ticket.SlaPausedAt = now;
        else if (Pauses(ticket.Status) && !Pauses(next) && ticket.SlaPausedAt is { } since)
        {
            ticket.SlaPausedMinutes += (int)Math.Ceiling((now - since).TotalMinutes);
            ticket.SlaPausedAt = null;
        }
    }
}
