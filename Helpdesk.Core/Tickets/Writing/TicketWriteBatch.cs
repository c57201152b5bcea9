using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Helpdesk.Core.Tickets.Writing;

/// <summary>
/// One context and one transaction that several ticket writes join (<see cref="TicketWrite.BeginBatchAsync"/>), e.g. a
/// batch of received mails. Each piece of work runs in <see cref="AttemptAsync"/> under a savepoint, so a failing one
/// is undone alone and the others still commit; <see cref="CommitAsync"/> commits them all at once and then wakes the
/// <see cref="TicketChangeNotifier"/>. A single write outside a batch is a batch of one.
/// </summary>
public sealed class TicketWriteBatch : IAsyncDisposable
{
    private const string Savepoint = "attempt";
    private readonly IDbContextTransaction _transaction;
    private readonly TicketChangeNotifier _notifier;
    private readonly List<TicketChange> _changes = [];

    internal TicketWriteBatch(HelpdeskDbContext db, IDbContextTransaction transaction, TicketChangeNotifier notifier)
    {
        Db = db;
        _transaction = transaction;
        _notifier = notifier;
    }

    public HelpdeskDbContext Db { get; }

    internal void Added(TicketChange change) => _changes.Add(change);

    /// <summary>Runs <paramref name="work"/> so that, if it throws, everything it wrote is undone and the batch goes on.</summary>
    public async Task AttemptAsync(Func<Task> work, CancellationToken ct)
    {
        var changesBefore = _changes.Count;
        await _transaction.CreateSavepointAsync(Savepoint, ct);
        try
        {
            await work();
            await Db.SaveChangesAsync(ct);
            await _transaction.ReleaseSavepointAsync(Savepoint, ct);
        }
        catch (Exception failure)
        {
            try
            {
                await _transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            }
            catch (Exception) when (TransientDatabaseError.Is(failure))
            {
                // The transaction went with the connection or the server: the batch ends, and the first error says why.
            }
            _changes.RemoveRange(changesBefore, _changes.Count - changesBefore);
            throw;
        }
        finally
        {
            // Saved or undone: the next attempt starts from the database, not from entities this one left behind.
            Db.ChangeTracker.Clear();
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await _transaction.CommitAsync(ct);
        if (_changes.Count > 0) _notifier.Wake(_changes.Max(c => c.Id));
        _changes.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await Db.DisposeAsync();
    }
}
