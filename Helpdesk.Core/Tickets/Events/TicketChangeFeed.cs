using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Tickets.Events;

public interface ITicketChangeFeed
{
    void Publish(TicketChanged change);

    IDisposable Subscribe(Func<TicketChanged, Task> handler);
}

/// <summary>Singleton hub between Core (which publishes after commit) and open console circuits (which subscribe).</summary>
public sealed class TicketChangeFeed(ILogger<TicketChangeFeed> logger) : ITicketChangeFeed
{
    private readonly Lock _lock = new();
    private ImmutableHandlers _handlers = new([]);

    public void Publish(TicketChanged change)
    {
        foreach (var handler in _handlers.Items)
            _ = NotifyAsync(handler, change);
    }

    public IDisposable Subscribe(Func<TicketChanged, Task> handler)
    {
        lock (_lock) _handlers = new([.. _handlers.Items, handler]);
        return new Subscription(() =>
        {
            lock (_lock) _handlers = new([.. _handlers.Items.Where(h => h != handler)]);
        });
    }

    private async Task NotifyAsync(Func<TicketChanged, Task> handler, TicketChanged change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception ex)
        {
            // A closed circuit or a faulty subscriber must not affect the publisher or other subscribers.
            logger.LogWarning(ex, "A ticket change subscriber failed for ticket {TicketId}", change.TicketId);
        }
    }

    private sealed record ImmutableHandlers(Func<TicketChanged, Task>[] Items);

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) unsubscribe();
        }
    }
}
