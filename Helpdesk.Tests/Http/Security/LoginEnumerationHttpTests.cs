using Helpdesk.Tests.TestSupport.Http;

namespace Helpdesk.Tests.Http.Security;

/// <summary>A login answer never tells whether an account name exists (the timing side: scripts/bench.sh login-timing).</summary>
[Trait("Category", "Security")]
public sealed class LoginEnumerationHttpTests : IAsyncLifetime
{
    private readonly ConsoleHttpHost _host = new(new Dictionary<string, string> { ["Login:MaxFailuresPerAddress"] = "1000" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Login_UnknownNameOrWrongPassword_SameAnswer()
    {
        var client = _host.CreateClient();

        var unknown = await ConsoleHttpHost.PostLoginAsync(client, "nobody@helpdesk.test", "Some-Guess-2026");
        var wrong = await ConsoleHttpHost.PostLoginAsync(client, ConsoleHttpHost.AdminEmail, "Some-Guess-2026");

        Assert.Equal("Wrong", ConsoleHttpHost.LoginError(unknown));
        Assert.Equal("Wrong", ConsoleHttpHost.LoginError(wrong));
        Assert.Equal(await ErrorTextAsync(client, unknown), await ErrorTextAsync(client, wrong));
    }

    [Fact]
    public async Task Login_HammeredPastTheLockout_UnknownNameAndLockedAccountAnswerAlike()
    {
        var client = _host.CreateClient();
        var token = await ConsoleHttpHost.LoginFormTokenAsync(client);

        HttpResponseMessage unknown = null!, real = null!;
        for (var i = 0; i < 6; i++)
        {
            unknown = await ConsoleHttpHost.PostLoginAsync(client, token, "nobody@helpdesk.test", "Guess-Pass-" + i);
            real = await ConsoleHttpHost.PostLoginAsync(client, token, ConsoleHttpHost.AdminEmail, "Guess-Pass-" + i);
        }
        var lockedOut = await ConsoleHttpHost.PostLoginAsync(client, token, ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);

        Assert.Equal("Wrong", ConsoleHttpHost.LoginError(lockedOut)); // the right password: locked, and said the same way
        Assert.Equal(ConsoleHttpHost.LoginError(unknown), ConsoleHttpHost.LoginError(real));
        Assert.Equal(await ErrorTextAsync(client, unknown), await ErrorTextAsync(client, real));
        Assert.Contains("locked", await ErrorTextAsync(client, real));
    }

    private static async Task<string> ErrorTextAsync(HttpClient client, HttpResponseMessage refused)
    {
        var page = await client.GetStringAsync(refused.Headers.Location);
        var start = page.IndexOf("data-testid=\"login-error\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the login page shows no error");
        start = page.IndexOf('>', start) + 1;
        return page[start..page.IndexOf('<', start)];
    }
}
