using System.Net;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Http;

/// <summary>The login endpoint over HTTP (in-memory test server): lockout, and the excessive-failed-logins system alert.</summary>
public sealed class LoginHttpTests : IAsyncLifetime
{
    private readonly ConsoleHttpHost _host = new(new Dictionary<string, string>
    {
        ["Correspondence:AdminEmail"] = "root@helpdesk.test",
        ["Correspondence:FailedLoginThreshold"] = "3",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Login_RepeatedWrongPasswords_LocksAccountAndAlertsAdministratorOnce()
    {
        var client = _host.CreateClient();

        for (var i = 0; i < 5; i++)
            await ConsoleHttpHost.PostLoginAsync(client, ConsoleHttpHost.AdminEmail, "wrong-password-" + i);
        var correct = await ConsoleHttpHost.PostLoginAsync(client, ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, correct.StatusCode);
        Assert.Contains("locked", Uri.UnescapeDataString(correct.Headers.Location!.ToString()));
        await using var db = await _host.DbAsync();
        var alert = Assert.Single(await db.Set<OutboxMessage>().Where(m => m.Kind == "system_alert").ToListAsync());
        Assert.Equal("root@helpdesk.test", alert.To);
    }

    [Fact]
    public async Task AnonymousRequest_ToAPage_RedirectsToLoginButHealthAnswers()
    {
        var client = _host.CreateClient();

        var page = await client.GetAsync("/tickets");
        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
