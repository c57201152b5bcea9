using Helpdesk.Core.Tickets.Events;

namespace Helpdesk.Blazor.Features.Tickets;

/// <summary>
/// What one circuit makes of the changes it hears: its own changes' echo is left out (the circuit already reloaded what
/// it saved), and the rest is handed on at most once per <see cref="Window"/>, on the trailing edge, so a burst of
/// changes costs one reload and the last change is always in it.
/// </summary>
public sealed class TicketChangeBatcher(string origin, TimeProvider clock, Func<IReadOnlyList<TicketChanged>, Task> handOn) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    private readonly Lock _lock = new();
    private List<TicketChanged> _pending = [];
    private bool _scheduled;
    private bool _disposed;

    public Task AddAsync(TicketChanged change)
    {
        if (change.Origin == origin) return Task.CompletedTask;
        lock (_lock)
        {
            _pending.Add(change);
            if (_scheduled) return Task.CompletedTask;
            _scheduled = true;
        }
        _ = HandOnLaterAsync();
        return Task.CompletedTask;
    }

    private async Task HandOnLaterAsync()
    {
        await Task.Delay(Window, clock);
        List<TicketChanged> batch;
        lock (_lock)
        {
            (batch, _pending, _scheduled) = (_pending, [], false);
            if (_disposed) return;
        }
        try
        {
            await handOn(batch);
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
