using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Live;

/// <summary>
/// One circuit's ticket list loads: a load for another list than the one in flight (the agent typed on, changed a
/// filter or the page) stops waiting for the older one, and so does the circuit's end. A reload of the same list keeps
/// the one in flight: with changes arriving faster than a slow list answers, each would stop the one before.
/// </summary>
public sealed class LatestListLoad : IDisposable
{
    private readonly Lock _lock = new();
    private TicketListKey? _key;
    private CancellationTokenSource? _waiting;

    /// <returns>Cancelled once this circuit no longer wants <paramref name="request"/>'s list.</returns>
    public CancellationToken Begin(TicketListRequest request, Actor actor)
    {
        var key = TicketListKey.Of(request, actor);
        CancellationTokenSource? superseded = null;
        CancellationToken waiting;
        lock (_lock)
        {
            if (_waiting is null || key != _key)
            {
                superseded = _waiting;
                (_key, _waiting) = (key, new CancellationTokenSource());
            }
            waiting = _waiting.Token;
        }
        superseded?.Cancel();
        return waiting;
    }

    public void Dispose()
    {
        CancellationTokenSource? waiting;
        lock (_lock) (waiting, _waiting) = (_waiting, null);
        waiting?.Cancel();
    }
}
