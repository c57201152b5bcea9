using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// Mail API "waiting_until": when that moment passes, a request still Waiting for… goes back to Assigned. The change goes
/// through <see cref="UpdateTicketCommand"/> (audit entry, version, change feed), which also clears the date, so it
/// happens once. Run by a hosted scheduler; safe to run any number of times.
/// </summary>
public sealed class WaitingUntilSweep(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    UpdateTicketCommand update,
    TimeProvider clock,
    ILogger<WaitingUntilSweep> logger)
{
    /// <returns>The tickets set back to Assigned.</returns>
    public async Task<IReadOnlyList<int>> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Ticket> due;
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
            due = await db.Set<Ticket>().AsNoTracking()
                .Where(t => t.Status == TicketStatus.WaitingFor && t.WaitingUntil != null && t.WaitingUntil <= now)
                .OrderBy(t => t.WaitingUntil).ToListAsync(ct);
        var resumed = new List<int>();
        foreach (var ticket in due)
        {
            try
            {
                await update.ExecuteAsync(ToAssigned(ticket), Actor.System, ct);
                resumed.Add(ticket.Id);
            }
            catch (ConcurrencyConflictException)
            {
                logger.LogInformation("Ticket {Ticket} changed while its waiting time ended; the next sweep checks it again", ticket.Number);
            }
            catch (ValidationFailedException ex)
            {
                logger.LogWarning("Ticket {Ticket} is past its waiting time but could not be set to Assigned: {Reason}", ticket.Number, ex.Message);
            }
        }
        return resumed;
    }

    private static TicketFieldsUpdate ToAssigned(Ticket t) => new()
    {
        TicketId = t.Id,
        ExpectedVersion = t.Version,
        Subject = t.Subject,
        Status = TicketStatus.Assigned,
        Category = t.Category,
        Impact = t.Impact,
        RequestedForId = t.RequestedForId,
        TeamId = t.TeamId,
        MemberId = t.MemberId,
        DepartmentId = t.DepartmentId,
        ResolutionTargetAt = t.ResolutionTargetAt,
        DesiredCompletionAt = t.DesiredCompletionAt,
        HelpTopicId = t.HelpTopicId,
        SlaPlanId = t.SlaPlanId,
    };
}
