namespace Helpdesk.Core.Persistence;

/// <summary>
/// SQLite has one write lock and no queue for it: a writer that finds it taken polls for it, and a batch writer that
/// begins its next transaction the moment it commits takes the lock again before the poller looks. While mail poured
/// in, an agent's save waited up to 1.5 s that way (p95 0.5-0.9 s). So every write says while it waits for the lock
/// (<see cref="Waiting"/>, marked by <see cref="WriteTurnsInterceptor"/>), and the inbound batches, between two mails,
/// commit and let it go first (<see cref="Wanted"/>, <see cref="LetThemGoFirstAsync"/>). The app's own batches and
/// background loops do not ask to go first (<see cref="AsBatchWriter"/>): what waits is what a person does. PostgreSQL
/// locks rows, not the database: nobody waits there.
/// </summary>
public sealed class WriteTurns
{
    /// <summary>How long a batch writer lets others go first at most: a write waiting for another reason must not stop it.</summary>
    public static readonly TimeSpan MostYield = TimeSpan.FromSeconds(1);

    private static readonly AsyncLocal<bool> BatchWriter = new();

    private readonly Lock _lock = new();
    private int _waiting;
    private TaskCompletionSource _noneWaiting = Done();

    /// <summary>
    /// Until disposed, the writes of this flow (and of what it starts) are a batch writer's: they wait for the lock as
    /// before but do not ask anyone to let them go first. Batches would otherwise queue for each other, and the app's
    /// background loops (fetching, sending, sweeps) would cut every inbound batch short.
    /// </summary>
    public static IDisposable AsBatchWriter()
    {
        var outer = BatchWriter.Value;
        BatchWriter.Value = true;
        return new Restore(outer);
    }

    /// <summary>Whether this flow writes as a batch writer (<see cref="AsBatchWriter"/>).</summary>
    public static bool IsBatchWriter => BatchWriter.Value;

    /// <summary>Whether a write is waiting for the lock right now.</summary>
    public bool Wanted
    {
        get { lock (_lock) return _waiting > 0; }
    }

    /// <summary>Marks a write as waiting for the lock until the result is disposed (once it has the lock, or gave up).</summary>
    public IDisposable Waiting()
    {
        lock (_lock)
        {
            if (_waiting++ == 0) _noneWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return new Turn(this);
    }

    /// <summary>Returns once no write waits for the lock, or after <paramref name="atMost"/>.</summary>
    public async Task LetThemGoFirstAsync(TimeSpan atMost, CancellationToken ct)
    {
        Task noneWaiting;
        lock (_lock) noneWaiting = _noneWaiting.Task;
        try
        {
            await noneWaiting.WaitAsync(atMost, ct);
        }
        catch (TimeoutException)
        {
            // A write still waiting after this long waits for someone else's lock; the batch goes on.
        }
    }

    private void Leave()
    {
        lock (_lock)
        {
            if (--_waiting == 0) _noneWaiting.TrySetResult();
        }
    }

    private static TaskCompletionSource Done()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    private sealed class Turn(WriteTurns turns) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) turns.Leave();
        }
    }

    private sealed class Restore(bool outer) : IDisposable
    {
        public void Dispose() => BatchWriter.Value = outer;
    }
}
