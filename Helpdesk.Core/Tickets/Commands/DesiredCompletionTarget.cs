using Helpdesk.Core.Persistence;

namespace Helpdesk.Core.Tickets.Commands;

/// <summary>
/// 4me: the desired completion overwrites the SLA's resolution target when it is later. When an edit sets, changes or
/// removes it (and does not set the resolution target itself), the target follows: the desired completion if later
/// than the plan's, else back to the plan's (no explicit target).
/// </summary>
internal static class DesiredCompletionTarget
{
    public static async Task<TicketFieldsUpdate> ApplyAsync(HelpdeskDbContext db, Ticket ticket, TicketFieldsUpdate update, CancellationToken ct)
    {
        if (ticket.DesiredCompletionAt == update.DesiredCompletionAt || ticket.ResolutionTargetAt != update.ResolutionTargetAt) return update;
        var planTarget = TicketSla.DueAt(null, ticket.CreatedAt, await TicketSla.PlanHoursAsync(db, update.SlaPlanId, ct), ticket.SlaPausedMinutes);
        var followsDesired = ticket.ResolutionTargetAt is null || ticket.ResolutionTargetAt == ticket.DesiredCompletionAt;
        return update.DesiredCompletionAt is { } desired && (planTarget is null || desired > planTarget)
            ? update with { ResolutionTargetAt = desired }
            : followsDesired ? update with { ResolutionTargetAt = null } : update;
    }
}
