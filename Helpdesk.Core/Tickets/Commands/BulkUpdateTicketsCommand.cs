using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

/// <summary>
/// Applies one change to many tickets, each through <see cref="UpdateTicketCommand"/> (so each is audited, alerts fire and
/// one change event goes out per ticket). A ticket that fails is reported and the others go on.
/// </summary>
public sealed class BulkUpdateTicketsCommand(IDbContextFactory<HelpdeskDbContext> contextFactory, UpdateTicketCommand update)
{
    public async Task<BulkUpdateResult> ExecuteAsync(IReadOnlyList<BulkTicketTarget> targets, BulkTicketChange change, Actor actor, CancellationToken ct = default)
    {
        var updated = new List<int>();
        var failures = new List<BulkTicketFailure>();
        foreach (var target in targets)
        {
            try
            {
                var current = await CurrentFieldsAsync(target, ct)
                    ?? throw new NotFoundException("It does not exist any more.");
                await update.ExecuteAsync(change.ApplyTo(current), actor, ct);
                updated.Add(target.TicketId);
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException or NotFoundException or ValidationFailedException or AccessDeniedException)
            {
                failures.Add(new BulkTicketFailure(target.TicketId, TicketNumber.Format(target.TicketId), ex.Message));
            }
        }
        return new BulkUpdateResult(updated, failures);
    }

    private async Task<TicketFieldsUpdate?> CurrentFieldsAsync(BulkTicketTarget target, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<Ticket>().AsNoTracking().Where(t => t.Id == target.TicketId)
            .Select(t => new TicketFieldsUpdate
            {
                TicketId = t.Id, ExpectedVersion = target.Version, Subject = t.Subject, Status = t.Status, Category = t.Category,
                Impact = t.Impact, RequestedForId = t.RequestedForId, TeamId = t.TeamId, MemberId = t.MemberId, DepartmentId = t.DepartmentId,
                ResolutionTargetAt = t.ResolutionTargetAt, HelpTopicId = t.HelpTopicId, SlaPlanId = t.SlaPlanId,
            })
            .FirstOrDefaultAsync(ct);
    }
}
