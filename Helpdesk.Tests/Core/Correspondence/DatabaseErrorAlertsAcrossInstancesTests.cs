using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Correspondence;

/// <summary>Two instances (two hosts) on one real PostgreSQL database share the database-error alerts' rate limit.</summary>
public sealed class DatabaseErrorAlertsAcrossInstancesTests : IAsyncLifetime
{
    private CoreTestHost _a = default!;
    private CoreTestHost _b = default!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["Correspondence:SystemAlertInterval"] = "01:00:00" };
        _a = await CoreTestHost.StartAsync(settings: settings, provider: DatabaseProvider.PostgreSQL);
        _b = await _a.StartAnotherInstanceAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    private static async Task<bool> FailCommandAsync(CoreTestHost instance, string sql = "SELECT * FROM no_such_table")
    {
        await using (var db = await instance.DbAsync())
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql));
        return await instance.Get<DatabaseErrorAlerts>().LastAlert;
    }

    private async Task<List<OutboxMessage>> AlertsAsync()
    {
        await using var db = await _a.DbAsync();
        return await db.Set<OutboxMessage>().Where(m => m.Kind == "system_alert").OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task Report_ErrorsOnBothInstancesWithinTheInterval_OneAlertThenOneWithTheCountOfBoth()
    {
        Assert.True(await FailCommandAsync(_a));
        Assert.False(await FailCommandAsync(_b));
        Assert.False(await FailCommandAsync(_b));
        Assert.False(await FailCommandAsync(_a));
        Assert.Single(await AlertsAsync());

        _b.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.True(await FailCommandAsync(_b, "SELECT * FROM still_missing"));

        var alerts = await AlertsAsync();
        Assert.Equal(2, alerts.Count);
        Assert.Contains("no_such_table", alerts[0].TextBody);
        Assert.Contains("still_missing", alerts[1].TextBody);
        Assert.Contains("3 more database error(s) happened since the previous alert", alerts[1].TextBody);
    }

    [Fact]
    public async Task Report_TwoInstancesFailAtOnce_OnlyOneAlert()
    {
        var both = await Task.WhenAll(FailCommandAsync(_a), FailCommandAsync(_b));

        Assert.Equal(1, both.Count(queued => queued));
        Assert.Single(await AlertsAsync());
    }
}
