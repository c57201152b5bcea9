using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

    private readonly TestDatabase _database;

    /// <param name="provider">The database to run on; by default the one HELPDESK_TEST_DATABASE names.</param>
    /// <param name="services">Changes to the console's services, after its own.</param>
    public ConsoleHttpHost(IDictionary<string, string>? settings = null, DatabaseProvider? provider = null, Action<IServiceCollection>? services = null)
    {
        var database = _database = TestDatabase.Create(provider);
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Helpdesk:DataFolder", _dataFolder);
            web.UseSetting("Helpdesk:WorkersStartDelay", "00:00:00"); // the delay is for a real start's first pages, not tests
            foreach (var (key, value) in database.Settings)
                web.UseSetting(key, value);
            web.UseSetting("Admin:Email", AdminEmail);
            web.UseSetting("Admin:Password", AdminPassword);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                web.UseSetting(key, value);
            web.ConfigureServices(s => s.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
            web.ConfigureServices(TestOnlyRoutes.AddTo);
            if (services is not null) web.ConfigureServices(services);
        });
    }

    public WebApplicationFactory<Program> Factory { get; }

    public TestDatabase Database => _database;

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client whose requests come from <paramref name="remoteAddress"/> (the test server has no network).</summary>
    public HttpClient CreateClient(string remoteAddress)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(RemoteAddressFromHeader.Header, remoteAddress);
        return client;
    }

    public async Task<HelpdeskDbContext> DbAsync()
    {
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>();
        return await contexts.CreateDbContextAsync();
    }

    /// <summary>Posts the login form as a browser does (antiforgery token from the login page).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, bool rememberMe = false) =>
        await PostLoginAsync(client, await LoginFormTokenAsync(client), email, password, rememberMe);

    /// <summary>The antiforgery token of the login form; it stays valid for the client's further posts.</summary>
    public static async Task<string> LoginFormTokenAsync(HttpClient client) =>
        Token().Match(await client.GetStringAsync("/account/login")).Groups[1].Value;

    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string token, string email, string password, bool rememberMe = false)
    {
        var form = new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        };
        if (rememberMe) form["rememberMe"] = "true";
        return client.PostAsync("/account/signin", new FormUrlEncodedContent(form));
    }

    /// <summary>The error code a refused login was sent back with ("Wrong", "Throttled", …), or null when it signed in.</summary>
    public static string? LoginError(HttpResponseMessage response)
    {
        var location = response.Headers.Location!.OriginalString;
        var query = location.Contains('?') ? location[location.IndexOf('?')..] : "";
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).TryGetValue("error", out var error) ? error.ToString() : null;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>Takes the request's remote address from a header, so tests can play several clients.</summary>
    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Remote-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(http.Request.Headers[Header], out var address))
                    http.Connection.RemoteIpAddress = address;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
