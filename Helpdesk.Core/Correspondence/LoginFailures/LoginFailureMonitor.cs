using System.Net;
using System.Net.Sockets;
using Helpdesk.Core.Accounts;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Correspondence.LoginFailures;

/// <summary>
/// Counts failed logins per network address and per account name (existing or not) in a sliding window. An address
/// with too many recent failures is throttled (<see cref="LoginThrottleOptions"/>). An address or name at the alert
/// threshold raises the "excessive failed logins" alert, mailed at most once per
/// <see cref="CorrespondenceSwitches.SystemAlertInterval"/> for all of them together, with the top counts and how many
/// alerts were not mailed meanwhile. The counts live in <see cref="ILoginFailureCounts"/>: memory on SQLite (a restart
/// forgets them), the database on PostgreSQL (shared by every instance); Identity's lockout is in the database and stays in force.
/// </summary>
public sealed class LoginFailureMonitor(SystemAlerts alerts, CorrespondenceSettings settings, IOptions<LoginThrottleOptions> throttle, TimeProvider clock,
    ILoginFailureCounts counts)
{
    private const int TopCount = 5;
    private const int MaxKeyLength = 254;

    /// <summary>True when logins from this address are to be refused without checking the password.</summary>
    public async Task<bool> IsThrottledAsync(string? address, CancellationToken ct = default) =>
        await counts.CountAsync(LoginFailureScope.Address, AddressKey(address), Now - throttle.Value.Window, ct) >= throttle.Value.MaxFailuresPerAddress;

    /// <summary>The account's earlier failures (typos) no longer count towards an alert.</summary>
    public Task RecordSuccessAsync(string account, CancellationToken ct = default) => counts.RemoveAsync(LoginFailureScope.Account, AccountKey(account), ct);

    /// <returns>True when this failure queued the alert mail.</returns>
    public async Task<bool> RecordFailureAsync(string account, string? address, CancellationToken ct = default)
    {
        var now = Now;
        var switches = await settings.GetAsync(ct);
        var since = now - switches.FailedLoginWindow;
        var (addressKey, accountKey) = (AddressKey(address), AccountKey(account));
        await counts.AddAsync(addressKey, accountKey, now, now - Max(switches.FailedLoginWindow, throttle.Value.Window), ct);

        var excessive = await counts.CountAsync(LoginFailureScope.Address, addressKey, since, ct) >= switches.FailedLoginThreshold
            || await counts.CountAsync(LoginFailureScope.Account, accountKey, since, ct) >= switches.FailedLoginThreshold;
        if (!excessive || !switches.ExcessiveLoginAlerts) return false;
        var start = await counts.TryStartAlertAsync(now, switches.SystemAlertInterval, ct);
        if (!start.Started) return false;
        var alert = Alert(switches, since, start.Previous, start.HeldBack,
            await counts.TopAsync(LoginFailureScope.Address, since, TopCount, ct), await counts.TopAsync(LoginFailureScope.Account, since, TopCount, ct));
        return await alerts.SendAsync(CorrespondenceKind.SystemExcessiveLogins, alert, ct, s => s.ExcessiveLoginAlerts);
    }

    private SystemAlertFacts Alert(CorrespondenceSwitches switches, DateTime since, DateTime? previous, int notMailed,
        IReadOnlyList<(string Key, int Count)> topAddresses, IReadOnlyList<(string Key, int Count)> topAccounts)
    {
        var reason = $"Failed logins within the last {switches.FailedLoginWindow.TotalMinutes:0} minutes reached the alert threshold " +
            $"({switches.FailedLoginThreshold}) for a network address or an account name.";
        var details = $"Top network addresses:\n{List(topAddresses)}\n\n" +
            $"Top account names (existing or not):\n{List(topAccounts)}";
        if (notMailed > 0)
            details += $"\n\n{notMailed} more excessive-login alert(s) happened since the previous mail at {previous:yyyy-MM-dd HH:mm} UTC and were not mailed.";
        details += $"\n\nAn address with {throttle.Value.MaxFailuresPerAddress} failed logins within {throttle.Value.Window.TotalMinutes:0} minutes " +
            "is refused without a password check; an account is locked after repeated failures.";
        return new SystemAlertFacts(reason, details, Count: notMailed);
    }

    private static string List(IReadOnlyList<(string Key, int Count)> counts) =>
        string.Join("\n", counts.Select(c => $"  {c.Key}: {c.Count}"));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string AddressKey(string? address)
    {
        if (address is null) return "(unknown address)";
        if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6 || ip.IsIPv4MappedToIPv6)
            return address;
        // One IPv6 client usually holds a whole /64: changing the rest of its address must not reset its count.
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    // The name is whatever the client typed: bounded, so a long one cannot bloat the counts or the mail.
    private static string AccountKey(string account) => account.Length > MaxKeyLength ? account[..MaxKeyLength] : account;
}
