namespace Helpdesk.Core.Correspondence.LoginFailures;

/// <summary>SQLite's counts: one process, so memory will do (a restart forgets them; Identity's lockout stays in force).</summary>
internal sealed class InMemoryLoginFailureCounts : ILoginFailureCounts
{
    private readonly FailureTimes _byAddress = new();
    private readonly FailureTimes _byAccount = new();
    private readonly AlertRateLimit _rateLimit = new();

    public Task AddAsync(string addressKey, string accountKey, DateTime at, DateTime forgetBefore, CancellationToken ct)
    {
        _byAddress.Add(addressKey, at);
        _byAccount.Add(accountKey, at);
        _byAddress.Forget(forgetBefore, at);
        _byAccount.Forget(forgetBefore, at);
        return Task.CompletedTask;
    }

    public Task<int> CountAsync(LoginFailureScope scope, string key, DateTime since, CancellationToken ct) =>
        Task.FromResult(Times(scope).Count(key, since));

    public Task RemoveAsync(LoginFailureScope scope, string key, CancellationToken ct)
    {
        Times(scope).Remove(key);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(string Key, int Count)>> TopAsync(LoginFailureScope scope, DateTime since, int take, CancellationToken ct) =>
        Task.FromResult(Times(scope).Top(since, take));

    public Task<AlertStart> TryStartAlertAsync(DateTime now, TimeSpan interval, CancellationToken ct)
    {
        var started = _rateLimit.TryStart(now, interval, out var previous, out var heldBack);
        return Task.FromResult(new AlertStart(started, previous, heldBack));
    }

    private FailureTimes Times(LoginFailureScope scope) => scope == LoginFailureScope.Address ? _byAddress : _byAccount;
}
