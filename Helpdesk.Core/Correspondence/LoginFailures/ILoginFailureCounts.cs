namespace Helpdesk.Core.Correspondence.LoginFailures;

/// <summary>
/// Where <see cref="LoginFailureMonitor"/> keeps its counts: in memory on SQLite (one process), in the database on
/// PostgreSQL, where several instances behind one address must add up their failures and share one alert rate limit.
/// Keys arrive normalized (an address, or a bounded account name) and are compared case-insensitively.
/// </summary>
public interface ILoginFailureCounts
{
    Task AddAsync(string addressKey, string accountKey, DateTime at, DateTime forgetBefore, CancellationToken ct);

    Task<int> CountAsync(LoginFailureScope scope, string key, DateTime since, CancellationToken ct);

    Task RemoveAsync(LoginFailureScope scope, string key, CancellationToken ct);

    Task<IReadOnlyList<(string Key, int Count)>> TopAsync(LoginFailureScope scope, DateTime since, int take, CancellationToken ct);

    /// <summary>The alert may be mailed now (the interval restarts), or it is held back and counted.</summary>
    Task<AlertStart> TryStartAlertAsync(DateTime now, TimeSpan interval, CancellationToken ct);
}

/// <param name="Previous">When the previous alert went out, if one did.</param>
/// <param name="HeldBack">How many were held back since that one.</param>
public readonly record struct AlertStart(bool Started, DateTime? Previous, int HeldBack);
