using System.Net;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.Contains("error=Wrong", correct.Headers.Location!.ToString());
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

    [Fact]
    public async Task Login_PersonDeactivatedOrEmailChanged_FollowsTheDirectory()
    {
        const string password = "Agent-Pass-2026";
        var person = new Person { Name = "Ann Agent", PrimaryEmail = "ann@helpdesk.test", Roles = PersonRoles.Agent, CreatedAt = DateTime.UtcNow };
        await using (var db = await _host.DbAsync())
        {
            db.Add(person);
            await db.SaveChangesAsync();
        }
        var services = _host.Factory.Services;
        await services.GetRequiredService<ConsoleUsers>().CreateAsync(person.Id, password, [ConsoleRoles.Agent]);
        var save = services.GetRequiredService<SavePersonCommand>();

        await save.ExecuteAsync(new PersonInput(person.Id, person.Name, "ann.new@helpdesk.test", [], null, person.Roles, IsActive: true));
        var oldAddress = await ConsoleHttpHost.PostLoginAsync(_host.CreateClient(), "ann@helpdesk.test", password);
        var newAddress = await ConsoleHttpHost.PostLoginAsync(_host.CreateClient(), "ann.new@helpdesk.test", password);
        await save.ExecuteAsync(new PersonInput(person.Id, person.Name, "ann.new@helpdesk.test", [], null, person.Roles, IsActive: false));
        var deactivated = await ConsoleHttpHost.PostLoginAsync(_host.CreateClient(), "ann.new@helpdesk.test", password);
        var deactivatedWrongPassword = await ConsoleHttpHost.PostLoginAsync(_host.CreateClient(), "ann.new@helpdesk.test", "Guess-Pass-2026");

        Assert.Contains("error=Wrong", oldAddress.Headers.Location!.ToString());
        Assert.Equal("/", newAddress.Headers.Location!.OriginalString);
        Assert.Contains("error=Deactivated", deactivated.Headers.Location!.ToString());
        Assert.Contains("deactivated person", await _host.CreateClient().GetStringAsync(deactivated.Headers.Location));
        Assert.Contains("error=Wrong", deactivatedWrongPassword.Headers.Location!.ToString());
    }

    [Fact]
    public async Task LoginPage_CraftedErrorText_IsNotShown()
    {
        var page = await _host.CreateClient().GetStringAsync("/account/login?error=Call%20evil.example%20now");

        Assert.DoesNotContain("evil.example", page);
        Assert.DoesNotContain("login-error", page);
    }

    [Fact]
    public async Task Logout_WithoutTheAntiforgeryToken_IsRefused()
    {
        var client = _host.CreateClient();
        await ConsoleHttpHost.PostLoginAsync(client, ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);

        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        var stillIn = await client.GetAsync("/tickets");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task Login_StaleFormToken_SaysTheFormExpiredInsteadOfFailing()
    {
        var client = _host.CreateClient();
        await client.GetStringAsync("/account/login");

        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = ConsoleHttpHost.AdminEmail, ["password"] = ConsoleHttpHost.AdminPassword, ["__RequestVerificationToken"] = "from-another-session",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("error=Expired", response.Headers.Location!.ToString());
        Assert.Contains("The login form had expired", await client.GetStringAsync(response.Headers.Location));
    }

    [Fact]
    public async Task FormPostToAnUnknownAddress_AnswersA4xxWithTheReadablePage()
    {
        var client = _host.CreateClient();
        await ConsoleHttpHost.PostLoginAsync(client, ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);

        var response = await client.PostAsync("/no/such/page", new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("That page does not exist", await response.Content.ReadAsStringAsync());
    }
}
