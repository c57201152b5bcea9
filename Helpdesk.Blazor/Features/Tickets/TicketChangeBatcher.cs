using Helpdesk.Core.Tickets.Events;

namespace Helpdesk.Blazor.Features.Tickets;

/// <summary>
/// What one circuit makes of the changes it hears: its own changes' echo is left out (the circuit already reloaded what
/// it saved), and the rest is handed on at most once per <see cref="Window"/>: a change after a quiet spell goes on
/// after <see cref="Settle"/> (so one commit's several rows arrive together), later ones when the window since the last
/// hand-on ends, so a burst costs one or two reloads and the last change is always in one. With the batch goes when its
/// last change was heard (<see cref="TimeProvider.GetTimestamp"/>): a list query started after that sees every change of
/// the batch.
/// </summary>
public sealed class TicketChangeBatcher(string origin, TimeProvider clock, Func<IReadOnlyList<TicketChanged>, long, Task> handOn) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(20);

    private readonly Lock _lock = new();
    private List<TicketChanged> _pending = [];
    private long _lastHeardAt;
    private long? _lastHandedOnAt;
    private bool _scheduled;
    private bool _disposed;

    public Task AddAsync(TicketChanged change)
    {
        if (change.Origin == origin) return Task.CompletedTask;
        TimeSpan wait;
        lock (_lock)
        {
            _pending.Add(change);
            _lastHeardAt = clock.GetTimestamp();
            if (_scheduled) return Task.CompletedTask;
            _scheduled = true;
            var windowLeft = _lastHandedOnAt is { } last ? Window - clock.GetElapsedTime(last, _lastHeardAt) : TimeSpan.Zero;
            wait = windowLeft > Settle ? windowLeft : Settle;
        }
        _ = HandOnLaterAsync(wait);
        return Task.CompletedTask;
    }

    private async Task HandOnLaterAsync(TimeSpan wait)
    {
        await Task.Delay(wait, clock);
        List<TicketChanged> batch;
        long heardAt;
        lock (_lock)
        {
            (batch, heardAt, _pending, _scheduled) = (_pending, _lastHeardAt, [], false);
            _lastHandedOnAt = clock.GetTimestamp();
            if (_disposed) return;
        }
        try
        {
            await handOn(batch, heardAt);
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed during the window; nobody is left to show the changes to.
        }
    }

    public void Dispose()
    {
        lock (_lock) _disposed = true;
    }
}
