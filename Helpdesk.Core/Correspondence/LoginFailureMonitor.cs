using System.Collections.Concurrent;

namespace Helpdesk.Core.Correspondence;

/// <summary>Counts failed logins per account in a sliding window and raises a system alert at the threshold (Identity lockout stays in force).</summary>
public sealed class LoginFailureMonitor(SystemAlerts alerts, CorrespondenceSettings settings, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTime>> _failures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A successful login ends the episode, so a later attack on the account is reported again.</summary>
    public Task RecordSuccessAsync(string account, CancellationToken ct = default)
    {
        _failures.TryRemove(account, out _);
        return alerts.ResolveAsync($"login:{account.ToLowerInvariant()}", ct);
    }

    /// <returns>True when this failure raised an alert.</returns>
    public async Task<bool> RecordFailureAsync(string account, string? remoteAddress, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var switches = await settings.GetAsync(ct);
        var window = switches.FailedLoginWindow;
        int count;
        var queue = _failures.GetOrAdd(account, _ => new Queue<DateTime>());
        lock (queue)
        {
            queue.Enqueue(now);
            while (queue.Count > 0 && now - queue.Peek() > window) queue.Dequeue();
            count = queue.Count;
        }
        if (count < switches.FailedLoginThreshold || !switches.ExcessiveLoginAlerts) return false;
        return await alerts.RaiseAsync($"login:{account.ToLowerInvariant()}", $"Excessive failed logins for {account}",
            $"{count} failed logins for \"{account}\" within {window.TotalMinutes:0} minutes (last from {remoteAddress ?? "an unknown address"}). " +
            "The account is locked after repeated failures; check whether someone is guessing passwords.", ct);
    }
}
