namespace Helpdesk.Blazor.Features.Tickets.Live;

/// <summary>
/// Results every open circuit shares, one per key: a change reaches all circuits at once, so they ask for the same thing
/// at about the same moment, and one query answers all of them. A query nobody waits for any more (every circuit that
/// asked has moved on to another request or closed) is cancelled.
/// </summary>
public sealed class SharedResults<TKey, TResult>(TimeProvider clock) where TKey : notnull
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, Run> _latest = [];
    private long _queriesRun;

    private sealed class Run(long startedAt)
    {
        public long StartedAt { get; } = startedAt;
        public CancellationTokenSource Stop { get; } = new();
        public Task<TResult> Result { get; set; } = null!;

        /// <summary>How many asks are waiting for the result; changed under the lock.</summary>
        public int Waiting { get; set; }
    }

    /// <summary>How many queries ran so far (the shared ones count once).</summary>
    public long QueriesRun => Interlocked.Read(ref _queriesRun);

    /// <summary>
    /// The result for <paramref name="key"/> of a query started after <paramref name="changesHeardAt"/> (a
    /// <see cref="TimeProvider.GetTimestamp"/>): the changes heard by then were committed, so that query sees them.
    /// A query already started after it, running or done, is shared; otherwise <paramref name="query"/> runs.
    /// </summary>
    /// <param name="query">Given a token that is cancelled once nobody waits for its result.</param>
    /// <param name="waiting">Cancelled when this asker no longer wants the result; the query stops if it was the last.</param>
    public Task<TResult> GetAsync(TKey key, Func<CancellationToken, Task<TResult>> query, long changesHeardAt, CancellationToken waiting = default)
    {
        Run run;
        lock (_lock)
        {
            if (!_latest.TryGetValue(key, out run!) || run.StartedAt <= changesHeardAt || run.Result.IsFaulted || run.Result.IsCanceled)
            {
                ForgetOld();
                run = new Run(clock.GetTimestamp());
                var stop = run.Stop.Token;
                // On the thread pool: SQLite's "async" calls run synchronously, and this lock must not wait for them.
                run.Result = Task.Run(() => query(stop));
                _latest[key] = run;
                Interlocked.Increment(ref _queriesRun);
            }
            run.Waiting++;
        }
        return WaitAsync(key, run, waiting);
    }

    /// <summary>A fresh result (a page opened, a filter or the views changed): nothing started before now is shared.</summary>
    public Task<TResult> GetFreshAsync(TKey key, Func<CancellationToken, Task<TResult>> query, CancellationToken waiting = default) =>
        GetAsync(key, query, clock.GetTimestamp(), waiting);

    private async Task<TResult> WaitAsync(TKey key, Run run, CancellationToken waiting)
    {
        try
        {
            return await run.Result.WaitAsync(waiting);
        }
        finally
        {
            Leave(key, run);
        }
    }

    private void Leave(TKey key, Run run)
    {
        lock (_lock)
        {
            if (--run.Waiting > 0 || run.Result.IsCompleted) return;
            // Forgotten under the lock, so that nobody joins a query that is about to stop.
            if (_latest.TryGetValue(key, out var latest) && latest == run) _latest.Remove(key);
        }
        run.Stop.Cancel();
        // Its failure, if it fails rather than stops, has no one left to see it.
        _ = run.Result.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
    }

    // Keys nobody has asked for in a while: their results would only be stale when asked for again.
    private void ForgetOld()
    {
        var now = clock.GetTimestamp();
        foreach (var (key, run) in _latest)
        {
            if (run.Result.IsCompleted && clock.GetElapsedTime(run.StartedAt, now) > KeepFor) _latest.Remove(key);
        }
    }
}
