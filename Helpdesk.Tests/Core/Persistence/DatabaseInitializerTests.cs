using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Tests.Core.Persistence;

public sealed class DatabaseInitializerTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task StartAsync_EmptyDatabase_LogsNoErrorAndStartsNoDatabaseAlert(DatabaseProvider provider)
    {
        var errors = new ErrorLog();

        await using var host = await CoreTestHost.StartAsync(b => b.Logging.AddProvider(errors), provider: provider);
        var alert = host.Get<DatabaseErrorAlerts>().LastAlert;

        Assert.Empty(errors.Entries);
        Assert.True(alert.IsCompletedSuccessfully, "a database error alert was started");
        Assert.False(await alert);
    }
}
