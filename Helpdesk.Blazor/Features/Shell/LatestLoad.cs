namespace Helpdesk.Blazor.Features.Shell;

/// <summary>
/// One circuit's loads of one kind (its ticket list, its search, its open ticket): a load of another
/// <typeparamref name="TKey"/> than the one in flight (the agent typed on, changed a filter, opened another ticket)
/// stops waiting for the older one, and so does the circuit's end. A reload of the same key keeps the one in flight:
/// with changes arriving faster than a slow load answers, each would stop the one before.
/// </summary>
public sealed class LatestLoad<TKey> : IDisposable where TKey : IEquatable<TKey>
{
    private readonly Lock _lock = new();
    private TKey? _key;
    private CancellationTokenSource? _waiting;

    /// <returns>Cancelled once this circuit no longer wants the load of <paramref name="key"/>.</returns>
    public CancellationToken Begin(TKey key)
    {
        CancellationTokenSource? superseded = null;
        CancellationToken waiting;
        lock (_lock)
        {
            if (_waiting is null || !key.Equals(_key))
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
