using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// Marks every write on SQLite as waiting for the write lock (<see cref="WriteTurns.Waiting"/>) from the moment it may
/// need the lock, unless its flow is a batch writer's (<see cref="WriteTurns.AsBatchWriter"/>):
/// <list type="bullet">
/// <item>a transaction's begin (BEGIN IMMEDIATE takes the lock) until it has begun;</item>
/// <item>a SaveChanges outside a transaction (one statement goes without one) until it is done;</item>
/// <item>a statement outside a transaction (ExecuteUpdate, ExecuteDelete, raw SQL) until it is done.</item>
/// </list>
/// Reads are never marked: in WAL mode they do not wait for writers. A begin and a statement are run here, as EF would
/// run them, so that their mark ends however they end (a begin that gives up after the busy timeout has no event of its
/// own); a SaveChanges always ends with one.
/// </summary>
public sealed class WriteTurnsInterceptor(WriteTurns turns)
    : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    // A SaveChanges outside a transaction, by its context, from its start until its end.
    private readonly ConcurrentDictionary<DbContext, IDisposable> _waiting = new();

    private void SaveStarting(DbContextEventData eventData)
    {
        if (WriteTurns.IsBatchWriter || eventData.Context is not { Database.CurrentTransaction: null } context) return;
        var turn = turns.Waiting();
        if (!_waiting.TryAdd(context, turn)) turn.Dispose();
    }

    private void SaveEnded(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && _waiting.TryRemove(context, out var turn)) turn.Dispose();
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SaveStarting(eventData);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        SaveStarting(eventData);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SaveEnded(eventData);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SaveEnded(eventData);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => SaveEnded(eventData);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveEnded(eventData);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => SaveEnded(eventData);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveEnded(eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (result.HasResult || command.Transaction is not null || WriteTurns.IsBatchWriter) return result;
        using (turns.Waiting())
            return InterceptionResult<int>.SuppressWithResult(command.ExecuteNonQuery());
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || command.Transaction is not null || WriteTurns.IsBatchWriter) return result;
        using (turns.Waiting())
            return InterceptionResult<int>.SuppressWithResult(await command.ExecuteNonQueryAsync(cancellationToken));
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (result.HasResult || WriteTurns.IsBatchWriter) return result;
        using (turns.Waiting())
            return InterceptionResult<DbTransaction>.SuppressWithResult(connection.BeginTransaction(eventData.IsolationLevel));
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || WriteTurns.IsBatchWriter) return result;
        using (turns.Waiting())
            return InterceptionResult<DbTransaction>.SuppressWithResult(await connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken));
    }
}
