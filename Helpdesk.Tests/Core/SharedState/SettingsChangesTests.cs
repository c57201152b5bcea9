using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.SharedState;
using Helpdesk.Tests.TestSupport;
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
}
