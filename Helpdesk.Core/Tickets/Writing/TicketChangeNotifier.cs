using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Tickets.Writing;

/// <summary>
/// Tells subscribers (open console circuits) of committed <see cref="TicketChange"/> rows: a commit wakes it, and one
/// pump at a time reads the rows after the last one it delivered, in id order, and hands them to every subscriber.
/// SQLite has one writer at a time, so ids are committed in id order and none is skipped. On PostgreSQL a commit of any
/// instance wakes it too (<see cref="SharedState.PostgresChangeListener"/>), and ids can commit out of order
/// (<see cref="ChangeLogGaps"/>). Rows older than <see cref="KeepFor"/> are pruned as it goes.
/// </summary>
public sealed class TicketChangeNotifier(IDbContextFactory<HelpdeskDbContext> contextFactory, TimeProvider clock, ILogger<TicketChangeNotifier> logger)
    : ITicketChangeFeed, IHostedService
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private const int BatchSize = 500;

    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _pumping = new(1, 1);
    private Subscriber[] _subscribers = [];
    private int _woken;
    private long? _lastSeen;
    private readonly ChangeLogGaps _gaps = new();
    private DateTime _prunedAt = DateTime.MinValue;

    public IDisposable Subscribe(Func<TicketChanged, Task> handler)
    {
        var subscriber = new Subscriber(handler, logger);
        lock (_lock) _subscribers = [.. _subscribers, subscriber];
        return new Subscription(() =>
        {
            lock (_lock) _subscribers = [.. _subscribers.Where(s => s != subscriber)];
        });
    }

    /// <summary>Called after a commit that wrote change rows, the last of them <paramref name="committedId"/>.</summary>
    public void Wake(long committedId)
    {
        // Before the start-up read (a host that was not started) the first woken row is where delivery begins.
        lock (_lock) _lastSeen ??= committedId - 1;
        Interlocked.Exchange(ref _woken, 1);
        StartPump();
    }

    /// <summary>Another instance committed change rows, or its notifications may have been missed: read the log from the last delivered row.</summary>
    public void CatchUp()
    {
        lock (_lock)
            if (_lastSeen is null) return; // the start-up read has not yet said where delivery begins
        Interlocked.Exchange(ref _woken, 1);
        StartPump();
    }

    // On a pool thread, without the caller's execution context: SQLite completes "async" reads synchronously, so a pump
    // started inline would make the committing writer wait for the read and deliver under the writer's context.
    private void StartPump() => ThreadPool.UnsafeQueueUserWorkItem(static self => _ = self.PumpAsync(), this, preferLocal: false);

    async Task IHostedService.StartAsync(CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // Plain SQL for the same reason as the start-up seeders' checks (StartupQueries): no query compilation before listening.
        var changes = db.Model.FindEntityType(typeof(TicketChange))!;
        var id = changes.FindProperty(nameof(TicketChange.Id))!.GetColumnName();
        var last = Convert.ToInt64((await db.ColumnAsync($"SELECT MAX(\"{id}\") FROM \"{changes.GetTableName()}\"", ct)).Single() ?? 0L);
        lock (_lock) _lastSeen ??= last;
    }

    Task IHostedService.StopAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task PumpAsync()
    {
        if (!await _pumping.WaitAsync(0)) return; // the running pump sees the wake flag
        try
        {
            while (Interlocked.Exchange(ref _woken, 0) == 1)
                await DeliverNewRowsAsync();
        }
        catch (Exception ex)
        {
            // A change pages miss is shown on their next reload; the pump must survive to tell the next one.
            logger.LogWarning(ex, "Telling open pages of ticket changes failed");
        }
        finally
        {
            _pumping.Release();
        }
        if (Volatile.Read(ref _woken) == 1) _ = PumpAsync();
    }

    private async Task DeliverNewRowsAsync()
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        var outOfOrder = db.Database.IsNpgsql();
        if (outOfOrder) await DeliverLateRowsAsync(db);
        while (true)
        {
            var after = _lastSeen ?? 0;
            var readFrom = clock.GetTimestamp();
            var rows = await db.Set<TicketChange>().AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(BatchSize).ToListAsync();
            if (rows.Count == 0) break;
            if (outOfOrder) _gaps.NoteMissing(after, rows.Select(r => r.Id), Now);
            _lastSeen = rows[^1].Id;
            Deliver(rows, readFrom);
            if (rows.Count < BatchSize) break;
        }
        await PruneAsync(db);
    }

    private async Task DeliverLateRowsAsync(HelpdeskDbContext db)
    {
        var missing = _gaps.StillAwaited(Now);
        if (missing.Count == 0) return;
        var readFrom = clock.GetTimestamp();
        var late = await db.Set<TicketChange>().AsNoTracking().Where(c => missing.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync();
        if (late.Count == 0) return;
        _gaps.Arrived(late.Select(r => r.Id));
        Deliver(late, readFrom);
    }

    /// <param name="readFrom">When the read that found the rows started: their commits came before it.</param>
    private void Deliver(List<TicketChange> rows, long readFrom)
    {
        var changes = rows.Select(r => r.ToEvent() with { KnownAt = readFrom }).ToList();
        foreach (var subscriber in _subscribers)
            subscriber.Enqueue(changes);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task PruneAsync(HelpdeskDbContext db)
    {
        var now = Now;
        if (now - _prunedAt < PruneEvery) return;
        _prunedAt = now;
        var before = now - KeepFor;
        // The app's own housekeeping: it waits for the lock but does not cut an inbound batch short.
        using var batchWriter = WriteTurns.AsBatchWriter();
        await db.Set<TicketChange>().Where(c => c.At < before).ExecuteDeleteAsync();
    }

    /// <summary>Delivers to one subscriber in commit order; a slow or failing subscriber holds up no other.</summary>
    private sealed class Subscriber(Func<TicketChanged, Task> handler, ILogger logger)
    {
        private readonly Lock _lock = new();
        private Task _tail = Task.CompletedTask;

        public void Enqueue(IReadOnlyList<TicketChanged> changes)
        {
            lock (_lock) _tail = DeliverAfterAsync(_tail, changes);
        }

        private async Task DeliverAfterAsync(Task previous, IReadOnlyList<TicketChanged> changes)
        {
            await previous;
            foreach (var change in changes)
            {
                try
                {
                    await handler(change);
                }
                catch (Exception ex)
                {
                    // A closed circuit or a faulty subscriber must not affect the writer or other subscribers.
                    logger.LogWarning(ex, "A ticket change subscriber failed for ticket {TicketId}", change.TicketId);
                }
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) unsubscribe();
        }
    }
}
