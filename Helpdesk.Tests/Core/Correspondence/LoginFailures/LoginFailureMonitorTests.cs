using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Correspondence.LoginFailures;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Correspondence.LoginFailures;

[Trait("Category", "Security")]
public sealed class LoginFailureMonitorTests
{
    [Fact]
    public async Task IsThrottledAsync_MaxFailuresFromOneAddress_TrueForThatAddressUntilTheWindowPasses()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Login:MaxFailuresPerAddress"] = "3" });
        var monitor = host.Get<LoginFailureMonitor>();

        for (var i = 0; i < 3; i++)
        {
            Assert.False(await monitor.IsThrottledAsync("10.0.0.1"));
            await monitor.RecordFailureAsync($"name{i}@helpdesk.test", "10.0.0.1");
        }

        Assert.True(await monitor.IsThrottledAsync("10.0.0.1"));
        Assert.False(await monitor.IsThrottledAsync("10.0.0.2"));
        host.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.False(await monitor.IsThrottledAsync("10.0.0.1"));
    }

    [Fact]
    public async Task IsThrottledAsync_FailuresFromOneIpv6Slash64_CountedAsOneAddress()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Login:MaxFailuresPerAddress"] = "3" });
        var monitor = host.Get<LoginFailureMonitor>();

        for (var i = 1; i <= 3; i++)
            await monitor.RecordFailureAsync("ann@helpdesk.test", $"2001:db8:1:2::{i:x}");

        Assert.True(await monitor.IsThrottledAsync("2001:db8:1:2:ffff::9"));
        Assert.False(await monitor.IsThrottledAsync("2001:db8:1:3::1"));
    }

    [Fact]
    public async Task RecordFailureAsync_AlertsWithinTheInterval_OneMailThenTheNextCountsTheUnmailed()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Correspondence:FailedLoginThreshold"] = "2" });
        var monitor = host.Get<LoginFailureMonitor>();

        var mailed = new List<bool>();
        for (var i = 0; i < 5; i++)
            mailed.Add(await monitor.RecordFailureAsync("ann@helpdesk.test", "10.0.0.1"));
        host.Clock.Advance(TimeSpan.FromMinutes(61));
        mailed.Add(await monitor.RecordFailureAsync("bob@helpdesk.test", "10.0.0.2"));
        mailed.Add(await monitor.RecordFailureAsync("bob@helpdesk.test", "10.0.0.3"));

        Assert.Equal([false, true, false, false, false, false, true], mailed);
        await using var db = await host.DbAsync();
        var alerts = await db.Set<OutboxMessage>().Where(m => m.Kind == "system_alert").OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(2, alerts.Count);
        Assert.Contains("10.0.0.1: 2", alerts[0].TextBody);
        Assert.Contains("ann@helpdesk.test: 2", alerts[0].TextBody);
        Assert.Contains("bob@helpdesk.test: 2", alerts[1].TextBody);
        Assert.Contains("3 more excessive-login alert(s)", alerts[1].TextBody);
    }

    [Fact]
    public async Task RecordFailureAsync_FailuresOnTwoPostgresInstances_AddUpForThrottleAndAlert()
    {
        var settings = new Dictionary<string, string?> { ["Login:MaxFailuresPerAddress"] = "4", ["Correspondence:FailedLoginThreshold"] = "3" };
        await using var a = await CoreTestHost.StartAsync(settings: settings, provider: Helpdesk.Core.Persistence.DatabaseProvider.PostgreSQL);
        await using var b = await a.StartAnotherInstanceAsync(settings);
        var (onA, onB) = (a.Get<LoginFailureMonitor>(), b.Get<LoginFailureMonitor>());

        var mailed = new List<bool>
        {
            await onA.RecordFailureAsync("Ann@helpdesk.test", "10.0.0.1"),
            await onB.RecordFailureAsync("ann@helpdesk.test", "10.0.0.1"),
            await onA.RecordFailureAsync("ann@helpdesk.test", "10.0.0.1"),
            await onB.RecordFailureAsync("ann@helpdesk.test", "10.0.0.1"),
        };

        Assert.Equal([false, false, true, false], mailed);
        Assert.True(await onA.IsThrottledAsync("10.0.0.1"));
        Assert.True(await onB.IsThrottledAsync("10.0.0.1"));
        await using var db = await a.DbAsync();
        var alert = Assert.Single(await db.Set<OutboxMessage>().Where(m => m.Kind == "system_alert").ToListAsync());
        Assert.Contains("10.0.0.1: 3", alert.TextBody);
        Assert.Contains("ann@helpdesk.test: 3", alert.TextBody);
    }

    [Fact]
    public async Task RecordSuccessAsync_OnAnotherPostgresInstance_ForgetsTheAccountsFailures()
    {
        var settings = new Dictionary<string, string?> { ["Correspondence:FailedLoginThreshold"] = "2" };
        await using var a = await CoreTestHost.StartAsync(settings: settings, provider: Helpdesk.Core.Persistence.DatabaseProvider.PostgreSQL);
        await using var b = await a.StartAnotherInstanceAsync(settings);

        await a.Get<LoginFailureMonitor>().RecordFailureAsync("ann@helpdesk.test", "10.0.0.1");
        await b.Get<LoginFailureMonitor>().RecordSuccessAsync("ann@helpdesk.test");

        Assert.False(await a.Get<LoginFailureMonitor>().RecordFailureAsync("ann@helpdesk.test", "10.0.0.2"));
    }
}
