using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.SharedState;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.SharedState;

public sealed class SettingsChangesTests
{
    [Fact]
    public async Task SavedAsync_OnSqlite_RaisedInThisProcessWithNoListener()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        var heard = new List<string>();
        host.Get<SettingsChanges>().Changed += heard.Add;
        var settings = host.Get<CorrespondenceSettings>();
        var switches = await settings.GetAsync();
        switches.AdminEmail = "new-admin@helpdesk.test";

        await settings.SaveAsync(switches);

        Assert.Equal([SettingsChanges.Correspondence], heard);
        Assert.Equal("new-admin@helpdesk.test", settings.LastRead.AdminEmail);
        Assert.Null(host.Services.GetService<PostgresChangeListener>());
    }

    [Fact]
    public async Task LastRead_AReadThatStartedBeforeASaveAnswersAfterIt_KeepsWhatWasSaved()
    {
        var hold = new StatementHold();
        await using var host = await CoreTestHost.StartAsync(builder =>
            builder.Services.ConfigureDbContext<HelpdeskDbContext>(options => options.AddInterceptors(hold), ServiceLifetime.Singleton));
        var settings = host.Get<CorrespondenceSettings>();
        var switches = await settings.GetAsync();
        hold.HoldFirstAfterItRan(command => command.CommandText.Contains("SavedCorrespondenceSwitches", StringComparison.Ordinal));
        var late = settings.GetAsync();
        await hold.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30)); // read before the save, answering after it

        switches.AdminEmail = "new-admin@helpdesk.test";
        await settings.SaveAsync(switches);
        hold.Release.TrySetResult();
        var lateSwitches = await late;

        Assert.NotEqual("new-admin@helpdesk.test", lateSwitches.AdminEmail);
        Assert.Equal("new-admin@helpdesk.test", settings.LastRead.AdminEmail);
    }
}
