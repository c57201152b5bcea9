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
