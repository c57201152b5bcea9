using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Helpdesk.Core.Persistence;

namespace Helpdesk.Tests.TestSupport.Http;

/// <summary>The whole console (plus <see cref="TestOnlyRoutes"/>) on the in-memory test server with its own data folder, and the login form post.</summary>
public sealed partial class ConsoleHttpHost : IAsyncDisposable
{
    public const string AdminEmail = "admin@helpdesk.test";
    public const string AdminPassword = "Http-Test-Pass-1";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "helpdesk-http", Guid.NewGuid().ToString("N"));

    public ConsoleHttpHost(IDictionary<string, string>? settings = null)
    {
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Helpdesk:DataFolder", _dataFolder);
            web.UseSetting("Admin:Email", AdminEmail);
            web.UseSetting("Admin:Password", AdminPassword);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                web.UseSetting(key, value);
            web.ConfigureServices(TestOnlyRoutes.AddTo);
        });
    }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HelpdeskDbContext> DbAsync()
    {
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>();
        return await contexts.CreateDbContextAsync();
    }

    /// <summary>Posts the login form as a browser does (antiforgery token from the login page).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var token = await LoginFormTokenAsync(client);
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The antiforgery token of a freshly opened login page (its cookie goes into the client).</summary>
    public static async Task<string> LoginFormTokenAsync(HttpClient client) =>
        Token().Match(await client.GetStringAsync("/account/login")).Groups[1].Value;

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
