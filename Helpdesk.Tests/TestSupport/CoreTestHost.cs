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
/// The real Core composition (AddHelpdeskCore) on a fresh database (SQLite in a temp data folder, or PostgreSQL: see
/// <see cref="TestDatabase"/>), migrated by the real start-up code, with a fake clock. Dispose deletes folder and database.
/// </summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private readonly TestDatabase _database;

    private CoreTestHost(IHost host, TestDatabase database, string dataFolder, FakeTimeProvider clock)
    {
        _host = host;
        _database = database;
        DataFolder = dataFolder;
        Clock = clock;
    }

    public IServiceProvider Services => _host.Services;
    public string DataFolder { get; }
    public FakeTimeProvider Clock { get; }
    public DatabaseProvider Provider => _database.Provider;

    /// <summary>Database:Provider and the connection string, for a second host on the same database (a restart, another instance).</summary>
    public IReadOnlyDictionary<string, string?> DatabaseSettings => _database.Settings;

    /// <param name="provider">The database to run on; by default the one HELPDESK_TEST_DATABASE names.</param>
    public static Task<CoreTestHost> StartAsync(Action<HostApplicationBuilder>? configure = null, IDictionary<string, string?>? settings = null,
        DatabaseProvider? provider = null) =>
        StartOnAsync(TestDatabase.Create(provider), configure, settings);

    /// <summary>A second instance (own services, caches and listener, own data folder) on this host's database; dispose it first.</summary>
    public Task<CoreTestHost> StartAnotherInstanceAsync(IDictionary<string, string?>? settings = null) =>
        StartOnAsync(_database.SharedByAnotherInstance(), null, settings);

    private static async Task<CoreTestHost> StartOnAsync(TestDatabase database, Action<HostApplicationBuilder>? configure, IDictionary<string, string?>? settings)
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
        builder.Configuration.AddInMemoryCollection(database.Settings);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddHelpdeskCore();
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new CoreTestHost(host, database, dataFolder, clock);
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
        await _database.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
