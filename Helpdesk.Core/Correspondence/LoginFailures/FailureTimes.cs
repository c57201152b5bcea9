namespace Helpdesk.Core.Correspondence.LoginFailures;

/// <summary>When recent failures happened, per key (a network address or an account name).</summary>
internal sealed class FailureTimes
{
    private readonly Dictionary<string, Queue<DateTime>> _times = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();
    private DateTime _lastSweep;

    public void Add(string key, DateTime at)
    {
        lock (_lock)
        {
            if (!_times.TryGetValue(key, out var queue)) _times[key] = queue = new Queue<DateTime>();
            queue.Enqueue(at);
        }
    }

    public int Count(string key, DateTime since)
    {
        lock (_lock)
            return _times.TryGetValue(key, out var queue) ? queue.Count(t => t >= since) : 0;
    }

    public void Remove(string key)
    {
        lock (_lock) _times.Remove(key);
    }

    public IReadOnlyList<(string Key, int Count)> Top(DateTime since, int take)
    {
        lock (_lock)
            return [.. _times.Select(t => (t.Key, Count: t.Value.Count(at => at >= since))).Where(t => t.Count > 0)
                .OrderByDescending(t => t.Count).ThenBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Take(take)];
    }

    /// <summary>Drops failures before <paramref name="before"/>; at most once a minute, since made-up names can be many.</summary>
    public void Forget(DateTime before, DateTime now)
    {
        lock (_lock)
        {
            if (now - _lastSweep < TimeSpan.FromMinutes(1)) return;
            _lastSweep = now;
            foreach (var (key, queue) in _times)
            {
                while (queue.Count > 0 && queue.Peek() < before) queue.Dequeue();
                if (queue.Count == 0) _times.Remove(key);
            }
        }
    }
}
