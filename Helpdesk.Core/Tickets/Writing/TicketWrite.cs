using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Helpdesk.Core.Tickets.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
    /// <summary>Opens a ticket: <paramref name="open"/> adds it (and what comes with it) to the scope's context and returns it.</summary>
    /// <param name="alsoCommit">The caller's own rows (e.g. the received mail's outcome), committed with the ticket or not at all.</param>
    public async Task<int> OpenAsync(Actor actor, Func<TicketWriteScope, Task<Ticket>> open, SameCommit? alsoCommit, CancellationToken ct)
    {
        TicketAccess.DemandOpen(actor);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var scope = new TicketWriteScope(db, actor, Now);
        scope.Ticket = await open(scope);
        await CommitAsync(scope, tx, alsoCommit, ct);
        return scope.Ticket.Id;
    }

    /// <summary>Changes an existing ticket, which is loaded (tracked) into the scope once the actor may do <paramref name="operation"/> on it.</summary>
    /// <exception cref="NotFoundException">The ticket does not exist.</exception>
    /// <exception cref="AccessDeniedException">The actor may not do this on this ticket.</exception>
    public async Task<T> ChangeAsync<T>(int ticketId, TicketOperation operation, Actor actor, Func<TicketWriteScope, Task<T>> change,
        CancellationToken ct, SameCommit? alsoCommit = null)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // SQLite's BEGIN IMMEDIATE: the ticket is read, checked and written under the write lock.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new NotFoundException($"Ticket {TicketNumber.Format(ticketId)} does not exist (it may have been deleted).");
        await TicketAccess.DemandAsync(db, actor, ticketId, operation, ct);
        var scope = new TicketWriteScope(db, actor, Now) { Ticket = ticket };
        var result = await change(scope);
        await CommitAsync(scope, tx, alsoCommit, ct);
        return result;
    }

    private async Task CommitAsync(TicketWriteScope scope, IDbContextTransaction tx, SameCommit? alsoCommit, CancellationToken ct)
    {
        if (scope.Kind is not { } kind) return; // nothing changed: the transaction rolls back unused
        var db = scope.Db;
        await db.SaveChangesAsync(ct);
        foreach (var raised in scope.Events)
            await events.PublishAsync(db, raised, ct);
        if (alsoCommit is not null) await alsoCommit(db, scope.Ticket.Id, ct);
        var change = TicketChange.Of(scope.Ticket, kind, scope.Actor, scope.Now);
        db.Add(change);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        notifier.Wake(change.Id);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
