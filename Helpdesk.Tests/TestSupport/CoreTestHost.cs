using Helpdesk.Core.Accounts;
using Helpdesk.Core;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Tests.TestSupport;

/// <summary>
/// The real Core composition (AddHelpdeskCore) on a fresh SQLite file in a temp data folder, migrated by the real
/// start-up code, with a fake clock. Dispose deletes the folder.
/// </summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private CoreTestHost(IHost host, string dataFolder, FakeTimeProvider clock)
    {
        _host = host;
        DataFolder = dataFolder;
        Clock = clock;
    }

    public IServiceProvider Services => _host.Services;
    public string DataFolder { get; }
    public FakeTimeProvider Clock { get; }

    public static async Task<CoreTestHost> StartAsync(Action<HostApplicationBuilder>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = dataFolder,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Helpdesk:DataFolder"] = dataFolder,
            ["Admin:Password"] = "Test-Password-1",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddHelpdeskCore();
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new CoreTestHost(host, dataFolder, clock);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<HelpdeskDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();

    public async Task<Person> AddPersonAsync(string name, string email, PersonRoles roles = PersonRoles.EndUser)
    {
        await using var db = await DbAsync();
        var person = new Person { Name = name, PrimaryEmail = email, Roles = roles, CreatedAt = Clock.GetUtcNow().UtcDateTime };
        db.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    public static Actor AgentActor(Person agent) => Actor.Agent(agent.Id, agent.Name, [ConsoleRoles.Agent]);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
