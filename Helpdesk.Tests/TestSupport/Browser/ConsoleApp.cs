using System.Net;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.TestSupport.Browser;

/// <summary>The real console (Program, plus <see cref="TestOnlyRoutes"/>) on a loopback port with a fresh data folder and demo data, for browser journeys.</summary>
public sealed class ConsoleApp : IAsyncDisposable
{
    public const string AdminEmail = "admin@helpdesk.test";
    public const string AdminPassword = "Browser-Test-2026";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly TestDatabase _database;

    private ConsoleApp(WebApplicationFactory<Program> factory, TestDatabase database, string dataFolder, string baseUrl)
    {
        _factory = factory;
        _database = database;
        DataFolder = dataFolder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public string DataFolder { get; }
    public IServiceProvider Services => _factory.Services;

    public static ConsoleApp Start(IDictionary<string, string?>? settings = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "helpdesk-browser", Guid.NewGuid().ToString("N"));
        var database = TestDatabase.Create();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Helpdesk:DataFolder", dataFolder);
            web.UseSetting("Helpdesk:WorkersStartDelay", "00:00:00"); // the delay is for a real start's first pages, not tests
            foreach (var (key, value) in database.Settings)
                web.UseSetting(key, value);
            web.UseSetting("Helpdesk:SeedDemoData", "true");
            web.UseSetting("Admin:Email", AdminEmail);
            web.UseSetting("Admin:Password", AdminPassword);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                web.UseSetting(key, value);
            web.ConfigureServices(TestOnlyRoutes.AddTo);
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ConsoleApp(factory, database, dataFolder, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
