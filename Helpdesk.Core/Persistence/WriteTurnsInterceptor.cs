using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// Marks every write on SQLite as waiting for the write lock (<see cref="WriteTurns.Waiting"/>) from the moment it may
/// need the lock, unless its flow is a batch writer's (<see cref="WriteTurns.AsBatchWriter"/>):
/// <list type="bullet">
/// <item>a transaction's begin (BEGIN IMMEDIATE takes the lock) until it has begun;</item>
/// <item>a statement outside a transaction (ExecuteUpdate, ExecuteDelete, raw SQL) until it is done;</item>
/// <item>a SaveChanges of one statement, which EF runs without a transaction (INSERT ... RETURNING, a reader), until it
/// has run. A SaveChanges of more statements begins a transaction.</item>
/// </list>
/// Reads are never marked: in WAL mode they do not wait for writers. The begin and the statement are run here, as EF
/// would run them, so that their mark ends however they end (a begin that gives up after the busy timeout has no event
/// of its own).
/// </summary>
public sealed class WriteTurnsInterceptor(WriteTurns turns) : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static bool MayWaitOutsideATransaction(DbCommand command) => command.Transaction is null && !WriteTurns.IsBatchWriter;

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (result.HasResult || eventData.CommandSource != CommandSource.SaveChanges || !MayWaitOutsideATransaction(command)) return result;
        using (turns.Waiting())
            return InterceptionResult<DbDataReader>.SuppressWithResult(command.ExecuteReader());
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || eventData.CommandSource != CommandSource.SaveChanges || !MayWaitOutsideATransaction(command)) return result;
        using (turns.Waiting())
            return InterceptionResult<DbDataReader>.SuppressWithResult(await command.ExecuteReaderAsync(cancellationToken));
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (result.HasResult || !MayWaitOutsideATransaction(command)) return result;
        using (turns.Waiting())
            return InterceptionResult<int>.SuppressWithResult(command.ExecuteNonQuery());
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || !MayWaitOutsideATransaction(command)) return result;
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
