namespace Helpdesk.Blazor.Features.Tickets.Live;

/// <summary>
/// Results every open circuit shares, one per key: a change reaches all circuits at once, so they ask for the same thing
/// at about the same moment, and one query answers all of them.
/// </summary>
public sealed class SharedResults<TKey, TResult>(TimeProvider clock) where TKey : notnull
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, Run> _latest = [];
    private long _queriesRun;

    private sealed record Run(long StartedAt, Task<TResult> Result);

    /// <summary>How many queries ran so far (the shared ones count once).</summary>
    public long QueriesRun => Interlocked.Read(ref _queriesRun);

    /// <summary>
    /// The result for <paramref name="key"/> of a query started after <paramref name="changesHeardAt"/> (a
    /// <see cref="TimeProvider.GetTimestamp"/>): the changes heard by then were committed, so that query sees them.
    /// A query already started after it, running or done, is shared; otherwise <paramref name="query"/> runs.
    /// </summary>
    public Task<TResult> GetAsync(TKey key, Func<Task<TResult>> query, long changesHeardAt)
    {
        lock (_lock)
        {
            if (_latest.TryGetValue(key, out var latest) && latest.StartedAt > changesHeardAt && !latest.Result.IsFaulted)
                return latest.Result;
            ForgetOld();
            // On the thread pool: SQLite's "async" calls run synchronously, and this lock must not wait for them.
            var run = new Run(clock.GetTimestamp(), Task.Run(query));
            _latest[key] = run;
            Interlocked.Increment(ref _queriesRun);
            return run.Result;
        }
    }

    /// <summary>A fresh result (a page opened, a filter or the views changed): nothing started before now is shared.</summary>
    public Task<TResult> GetFreshAsync(TKey key, Func<Task<TResult>> query) => GetAsync(key, query, clock.GetTimestamp());

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
