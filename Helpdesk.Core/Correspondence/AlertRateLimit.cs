namespace Helpdesk.Core.Correspondence;

/// <summary>
/// At most one alert of a kind per interval; the ones held back are counted so the next mail can say how many there were.
/// </summary>
internal sealed class AlertRateLimit
{
    private readonly Lock _lock = new();
    private DateTime? _lastAlertAt;
    private int _heldBack;

    /// <summary>A mail may go out now (and the clock restarts), or it is held back and counted.</summary>
    /// <param name="previous">When the previous alert went out, if one did.</param>
    /// <param name="heldBack">How many were held back since that one.</param>
    public bool TryStart(DateTime now, TimeSpan interval, out DateTime? previous, out int heldBack)
    {
        lock (_lock)
        {
            (previous, heldBack) = (_lastAlertAt, _heldBack);
            if (_lastAlertAt is { } last && now - last < interval)
            {
                _heldBack++;
                return false;
            }
            (_lastAlertAt, _heldBack) = (now, 0);
            return true;
        }
    }
}
