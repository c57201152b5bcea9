using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Http.Security;

/// <summary>Failed logins counted per network address and per account name: throttling, and one rate-limited alert.</summary>
[Trait("Category", "Security")]
public sealed class LoginThrottlingHttpTests
{
    [Fact]
    public async Task Login_TooManyFailuresFromOneAddress_RefusedWithoutCheckingThePassword()
    {
        await using var host = new ConsoleHttpHost(new Dictionary<string, string> { ["Login:MaxFailuresPerAddress"] = "3" });
        var attacker = host.CreateClient("10.1.1.1");
        var token = await ConsoleHttpHost.LoginFormTokenAsync(attacker);

        for (var i = 0; i < 3; i++)
            Assert.Equal("Wrong", ConsoleHttpHost.LoginError(await ConsoleHttpHost.PostLoginAsync(attacker, token, $"guess{i}@helpdesk.test", "Guess-Pass-2026")));
        var rightPasswordFromThere = await ConsoleHttpHost.PostLoginAsync(attacker, token, ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);
        var fromElsewhere = await ConsoleHttpHost.PostLoginAsync(host.CreateClient("10.2.2.2"), ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);

        Assert.Equal("Throttled", ConsoleHttpHost.LoginError(rightPasswordFromThere));
        Assert.Contains("Too many failed logins from your network address", await attacker.GetStringAsync(rightPasswordFromThere.Headers.Location));
        Assert.Null(ConsoleHttpHost.LoginError(fromElsewhere));
    }

    [Fact]
    public async Task Login_FiftyMadeUpNames_OneAlertMailWithTheCounts()
    {
        await using var host = new ConsoleHttpHost(new Dictionary<string, string>
        {
            ["Correspondence:AdminEmail"] = "root@helpdesk.test",
            ["Correspondence:FailedLoginThreshold"] = "3",
            ["Login:MaxFailuresPerAddress"] = "1000",
        });
        var attacker = host.CreateClient("10.1.1.1");
        var token = await ConsoleHttpHost.LoginFormTokenAsync(attacker);

        for (var i = 0; i < 50; i++)
            await ConsoleHttpHost.PostLoginAsync(attacker, token, $"made-up-{i}@helpdesk.test", "Guess-Pass-2026");

        await using var db = await host.DbAsync();
        var alert = Assert.Single(await db.Set<OutboxMessage>().Where(m => m.Kind == "system_alert").ToListAsync());
        Assert.Equal("root@helpdesk.test", alert.To);
        Assert.Equal("[Helpdesk system alert] Excessive failed logins", alert.Subject);
        Assert.Contains("10.1.1.1: 3", alert.TextBody);
        Assert.Contains("made-up-0@helpdesk.test: 1", alert.TextBody);
    }
}

/// <summary>Behind a configured reverse proxy the login throttle counts the clients the proxy forwards, and nobody else can claim an address.</summary>
[Trait("Category", "Security")]
public sealed class ReverseProxyHttpTests
{
    private const string Proxy = "10.9.9.9";

    private static async Task<string?> FailThenTryAsync(ConsoleHttpHost host, string connectedFrom, Func<int, string?> forwardedFor)
    {
        var client = host.CreateClient(connectedFrom);
        var token = await ConsoleHttpHost.LoginFormTokenAsync(client);
        for (var i = 0; i < 3; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            if (forwardedFor(i) is { } address) client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            await ConsoleHttpHost.PostLoginAsync(client, token, $"guess{i}@helpdesk.test", "Guess-Pass-2026");
        }
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        if (forwardedFor(3) is { } last) client.DefaultRequestHeaders.Add("X-Forwarded-For", last);
        return ConsoleHttpHost.LoginError(await ConsoleHttpHost.PostLoginAsync(client, token, ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword));
    }

    private static ConsoleHttpHost Host() => new(new Dictionary<string, string>
    {
        ["Login:MaxFailuresPerAddress"] = "3", ["ReverseProxy:KnownProxies:0"] = Proxy,
    });

    [Fact]
    public async Task Login_ManyClientsThroughTheKnownProxy_EachCountedOnItsOwn()
    {
        await using var host = Host();

        Assert.Null(await FailThenTryAsync(host, Proxy, i => $"203.0.113.{i + 1}"));
    }

    [Fact]
    public async Task Login_OneClientThroughTheKnownProxy_Throttled()
    {
        await using var host = Host();

        Assert.Equal("Throttled", await FailThenTryAsync(host, Proxy, _ => "203.0.113.7"));
    }

    [Fact]
    public async Task Login_ForwardedForFromAnUnknownSender_Ignored()
    {
        await using var host = Host();

        Assert.Equal("Throttled", await FailThenTryAsync(host, "10.1.1.1", i => $"203.0.113.{i + 1}"));
    }
}
