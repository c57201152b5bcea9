using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Live;

/// <summary>
/// Singleton: the ticket list results every open list shares. A change reaches all circuits at once, so they ask for
/// the same list at about the same moment; one query per <see cref="TicketListKey"/> answers all of them.
/// </summary>
public sealed class SharedTicketListResults(TicketListQuery query, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<TicketListKey, Run> _latest = [];
    private long _queriesRun;

    private sealed record Run(long StartedAt, Task<TicketListResult> Result);

    /// <summary>How many list queries ran so far (the shared ones count once).</summary>
    public long QueriesRun => Interlocked.Read(ref _queriesRun);

    /// <summary>
    /// The list for <paramref name="request"/> as seen by a query started after <paramref name="changesHeardAt"/> (a
    /// <see cref="TimeProvider.GetTimestamp"/>): the changes heard by then were committed, so that query sees them.
    /// A query already started after it, running or done, is shared; otherwise a new one runs.
    /// </summary>
    public Task<TicketListResult> GetAsync(TicketListRequest request, Actor actor, long changesHeardAt)
    {
        var key = TicketListKey.Of(request, actor);
        lock (_lock)
        {
            if (_latest.TryGetValue(key, out var latest) && latest.StartedAt > changesHeardAt && !latest.Result.IsFaulted)
                return latest.Result;
            ForgetOld();
            // On the thread pool: SQLite's "async" calls run synchronously, and this lock must not wait for them.
            var run = new Run(clock.GetTimestamp(), Task.Run(() => query.ExecuteAsync(request, actor)));
            _latest[key] = run;
            Interlocked.Increment(ref _queriesRun);
            return run.Result;
        }
    }

    /// <summary>A fresh list (a page opened or the filter changed): nothing started before now is shared.</summary>
    public Task<TicketListResult> GetFreshAsync(TicketListRequest request, Actor actor) => GetAsync(request, actor, clock.GetTimestamp());

    // Lists nobody has asked for in a while: their results would only be stale when asked for again.
    private void ForgetOld()
    {
        var now = clock.GetTimestamp();
        foreach (var (key, run) in _latest)
        {
            if (run.Result.IsCompleted && clock.GetElapsedTime(run.StartedAt, now) > KeepFor) _latest.Remove(key);
        }
    }
}
