using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Helpdesk.Core.Tickets.Events;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Writing;

/// <summary>
/// The one way a ticket changes. In one transaction: authorize (<see cref="TicketAccess"/>), apply the caller's change,
/// run the sinks on the events it raised, append a durable <see cref="TicketChange"/> row, commit once; then wake the
/// <see cref="TicketChangeNotifier"/>. Commands, sweeps and inbound mail only supply the change itself.
/// </summary>
public sealed class TicketWrite(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    TicketEventPublisher events,
    TicketChangeNotifier notifier,
    TimeProvider clock)
{
    /// <summary>
    /// A transaction that several writes join (each with <c>batch:</c>), committed once by the caller; see
    /// <see cref="TicketWriteBatch"/>.
    /// </summary>
    public Task<TicketWriteBatch> BeginBatchAsync(CancellationToken ct) => BeginAsync(single: false, ct);

    /// <param name="single">One write committed on its own (an agent's save); otherwise the begin of a batch, which is a
    /// batch writer's (<see cref="WriteTurns.AsBatchWriter"/>), so batches do not queue for each other.</param>
    private async Task<TicketWriteBatch> BeginAsync(bool single, CancellationToken ct)
    {
        var db = await contextFactory.CreateDbContextAsync(ct);
        try
        {
            // The batch's own savepoint per attempt undoes a failed one; one more per SaveChanges would only add round trips.
            db.Database.AutoSavepointsEnabled = false;
            // SQLite's BEGIN IMMEDIATE: a ticket is read, checked and written under the write lock.
            using var batchWriter = single ? null : WriteTurns.AsBatchWriter();
            return new TicketWriteBatch(db, await db.Database.BeginTransactionAsync(ct), notifier);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a ticket: <paramref name="open"/> adds it (and what comes with it) to the scope's context and returns it.</summary>
    /// <param name="alsoCommit">The caller's own rows (e.g. the received mail's outcome), committed with the ticket or not at all.</param>
    /// <param name="batch">A batch to join (committed by its owner); without one the ticket commits on its own.</param>
    public async Task<int> OpenAsync(Actor actor, Func<TicketWriteScope, Task<Ticket>> open, SameCommit? alsoCommit, CancellationToken ct,
        TicketWriteBatch? batch = null)
    {
        TicketAccess.DemandOpen(actor);
        await using var own = batch is null ? await BeginAsync(single: true, ct) : null;
        var scope = new TicketWriteScope((batch ?? own!).Db, actor, Now);
        scope.Ticket = await open(scope);
        await CommitAsync(scope, batch ?? own!, own is not null, alsoCommit, ct);
        return scope.Ticket.Id;
    }

    /// <summary>Changes an existing ticket, which is loaded (tracked) into the scope once the actor may do <paramref name="operation"/> on it.</summary>
    /// <param name="batch">A batch to join (committed by its owner); without one the change commits on its own.</param>
    /// <exception cref="NotFoundException">The ticket does not exist.</exception>
    /// <exception cref="AccessDeniedException">The actor may not do this on this ticket.</exception>
    public async Task<T> ChangeAsync<T>(int ticketId, TicketOperation operation, Actor actor, Func<TicketWriteScope, Task<T>> change,
        CancellationToken ct, SameCommit? alsoCommit = null, TicketWriteBatch? batch = null)
    {
        await using var own = batch is null ? await BeginAsync(single: true, ct) : null;
        var db = (batch ?? own!).Db;
        var ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new NotFoundException($"Ticket {TicketNumber.Format(ticketId)} does not exist (it may have been deleted).");
        await TicketAccess.DemandAsync(db, actor, ticketId, operation, ct);
        var scope = new TicketWriteScope(db, actor, Now) { Ticket = ticket };
        var result = await change(scope);
        await CommitAsync(scope, batch ?? own!, own is not null, alsoCommit, ct);
        return result;
    }

    private async Task CommitAsync(TicketWriteScope scope, TicketWriteBatch batch, bool ownBatch, SameCommit? alsoCommit, CancellationToken ct)
    {
        if (scope.Kind is not { } kind) return; // nothing changed: an own transaction rolls back unused
        var db = scope.Db;
        await db.SaveChangesAsync(ct);
        foreach (var raised in scope.Events)
            await events.PublishAsync(db, raised, ct);
        if (alsoCommit is not null) await alsoCommit(db, scope.Ticket.Id, ct);
        var change = TicketChange.Of(scope.Ticket, kind, scope.Actor, scope.Now);
        db.Add(change);
        await db.SaveChangesAsync(ct);
        batch.Added(change);
        if (ownBatch) await batch.CommitAsync(ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
