using System.Data.Common;
using System.Runtime.CompilerServices;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.SharedState;

/// <summary>
/// PostgreSQL only: a save that adds <see cref="TicketChange"/> rows also sends <c>NOTIFY helpdesk_ticket_changes</c> with
/// the highest id, so that PostgreSQL tells every instance once the rows are committed. Inside a transaction the
/// notification is sent once, as the transaction commits: a batch of received mail saves once per mail, and a
/// notification each was a round trip each, and a catch-up query on every instance each.
/// </summary>
internal sealed class TicketChangeSignalInterceptor(ILogger<TicketChangeSignalInterceptor> logger) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<TicketChange>> _added = new();
    // The highest change id each open transaction has saved, to be told when it commits.
    private readonly ConditionalWeakTable<DbTransaction, StrongBox<long>> _toTell = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is not { } lastId) return result;
        var db = eventData.Context!.Database;
        if (TellAtCommit(db, lastId)) return result;
        try
        {
            await db.ExecuteSqlAsync($"SELECT pg_notify({SharedStateChannels.TicketChanges}, {lastId.ToString()})", cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            NotTold(ex, lastId);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is not { } lastId) return result;
        var db = eventData.Context!.Database;
        if (TellAtCommit(db, lastId)) return result;
        try
        {
            db.ExecuteSql($"SELECT pg_notify({SharedStateChannels.TicketChanges}, {lastId.ToString()})");
        }
        catch (Exception ex)
        {
            NotTold(ex, lastId);
        }
        return result;
    }

    // Without a transaction of the caller's the rows are already committed, so the save must not fail now (inside one, the
    // notification goes with the commit, and fails it if it fails). Other instances show the rows at their next notification.
    private void NotTold(Exception ex, long lastId) =>
        logger.LogWarning(ex, "Telling other instances of ticket change {ChangeId} failed", lastId);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (NotifyCommand(transaction) is { } command)
            using (command)
                command.ExecuteNonQuery();
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        if (NotifyCommand(transaction) is { } command)
            await using (command)
                await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }

    // Npgsql hands out one transaction object per physical connection again and again: one disposed without a commit or a
    // rollback must not leave its entry to the next.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _toTell.Remove(result);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        _toTell.Remove(result);
        return ValueTask.FromResult(result);
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _toTell.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _toTell.Remove(transaction);
        return Task.CompletedTask;
    }

    /// <returns>Whether the save is inside a transaction, which tells the highest id it saved when it commits.</returns>
    private bool TellAtCommit(DatabaseFacade db, long lastId)
    {
        if (db.CurrentTransaction?.GetDbTransaction() is not { } transaction) return false;
        var highest = _toTell.GetValue(transaction, _ => new StrongBox<long>());
        highest.Value = Math.Max(highest.Value, lastId);
        return true;
    }

    // In the transaction, just before it commits: a failed NOTIFY fails the commit, as it did when sent with the save.
    private DbCommand? NotifyCommand(DbTransaction transaction)
    {
        if (!_toTell.TryGetValue(transaction, out var highest) || !_toTell.Remove(transaction)) return null;
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_notify('{SharedStateChannels.TicketChanges}', '{highest.Value}')";
        return command;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        List<TicketChange> added = [.. context.ChangeTracker.Entries<TicketChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];
        if (added.Count > 0) _added.AddOrUpdate(context, added);
    }

    private long? Take(DbContext? context) =>
        context is not null && _added.TryGetValue(context, out var added) && _added.Remove(context) ? added.Max(c => c.Id) : null;

    private void Forget(DbContext? context)
    {
        if (context is not null) _added.Remove(context);
    }
}
