using System.Net;
using System.Text.RegularExpressions;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Http;

/// <summary>The login endpoint over HTTP (in-memory test server): lockout, and the excessive-failed-logins system alert.</summary>
public sealed partial class LoginHttpTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "helpdesk-http", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> _factory = default!;

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Helpdesk:DataFolder", _dataFolder);
            web.UseSetting("Admin:Email", "admin@helpdesk.test");
            web.UseSetting("Admin:Password", "Http-Test-Pass-1");
            web.UseSetting("Correspondence:AdminEmail", "root@helpdesk.test");
            web.UseSetting("Correspondence:FailedLoginThreshold", "3");
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = Token().Match(page).Groups[1].Value;
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "admin@helpdesk.test", ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Login_RepeatedWrongPasswords_LocksAccountAndAlertsAdministratorOnce()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
            await PostLoginAsync(client, "wrong-password-" + i);
        var correct = await PostLoginAsync(client, "Http-Test-Pass-1");

        Assert.Equal(HttpStatusCode.Redirect, correct.StatusCode);
        Assert.Contains("locked", Uri.UnescapeDataString(correct.Headers.Location!.ToString()));
        await using var scope = _factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var alert = Assert.Single(await db.Set<OutboxMessage>().Where(m => m.Kind == "system_alert").ToListAsync());
        Assert.Equal("root@helpdesk.test", alert.To);
    }

    [Fact]
    public async Task AnonymousRequest_ToAPage_RedirectsToLoginButHealthAnswers()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetAsync("/tickets");
        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
