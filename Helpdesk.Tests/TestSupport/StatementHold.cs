using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Tests.TestSupport;

/// <summary>
/// Holds a read in the database layer: once told what to hold (<see cref="HoldFirstWithParameter"/>), the first read
/// that matches waits until its command is cancelled (reported by <see cref="Cancelled"/>) or the test lets it go
/// (<see cref="Release"/>). A query still running, for as long as a test needs, on either provider. Or, told
/// <see cref="HoldFirstAfterItRan"/>, a query that has run and whose answer arrives late.
/// </summary>
public sealed class StatementHold : DbCommandInterceptor
{
    private Func<DbCommand, bool>? _matches;
    private Func<DbCommand, bool>? _ranMatches;
    private int _held;

    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds the next read with a parameter equal to <paramref name="value"/> (for text: containing it).</summary>
    public void HoldFirstWithParameter(object value) => Volatile.Write(ref _matches, command => command.Parameters.Cast<DbParameter>().Any(p =>
        value is string word ? p.Value is string text && text.Contains(word, StringComparison.OrdinalIgnoreCase) : Equals(p.Value, value)));

    /// <summary>
    /// Holds the next read that <paramref name="matches"/> once it has run: its rows are the database's at that moment,
    /// and reach the caller only when the test lets them go, after whatever the test does meanwhile.
    /// </summary>
    public void HoldFirstAfterItRan(Func<DbCommand, bool> matches) => Volatile.Write(ref _ranMatches, matches);

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _ranMatches) is { } matches && matches(command) && Interlocked.Exchange(ref _held, 1) == 0)
        {
            Reached.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
        return await base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _matches) is { } matches && matches(command) && Interlocked.Exchange(ref _held, 1) == 0)
        {
            Reached.TrySetResult();
            await Task.WhenAny(Release.Task, Task.Delay(Timeout.Infinite, cancellationToken));
            if (cancellationToken.IsCancellationRequested)
            {
                Cancelled.TrySetResult();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
