using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Correspondence;

public sealed class DatabaseErrorAlertsTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Correspondence:SystemAlertInterval"] = "01:00:00",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<bool> FailCommandAsync(string sql = "SELECT * FROM no_such_table")
    {
        await using (var db = await _host.DbAsync())
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql));
        return await _host.Get<DatabaseErrorAlerts>().LastAlert;
    }

    private async Task<List<OutboxMessage>> AlertsAsync()
    {
        await using var db = await _host.DbAsync();
        return await db.Set<OutboxMessage>().Where(m => m.Kind == "system_alert").OrderBy(m => m.Id).ToListAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = await _host.DbAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task FailingSqlCommand_RaisesDatabaseSystemAlert()
    {
        Assert.True(await FailCommandAsync());

        Assert.Contains("no_such_table", Assert.Single(await AlertsAsync()).TextBody);
    }

    [Fact]
    public async Task Report_ErrorsAfterTheInterval_AlertAgainWithTheCountOfErrorsMeanwhile()
    {
        await FailCommandAsync();
        await FailCommandAsync();
        await FailCommandAsync();
        Assert.Single(await AlertsAsync());

        _host.Clock.Advance(TimeSpan.FromMinutes(61));
        await FailCommandAsync("SELECT * FROM still_missing");

        var alerts = await AlertsAsync();
        Assert.Equal(2, alerts.Count);
        Assert.Contains("still_missing", alerts[1].TextBody);
        Assert.Contains("2 more database error(s) happened since the previous alert", alerts[1].TextBody);
    }

    [Fact]
    public async Task Report_AlertWriteFailsToo_DoesNotReportItsOwnFailure()
    {
        var sqlite = _host.Provider == DatabaseProvider.Sqlite;
        await ExecuteAsync(sqlite
            ? "CREATE TRIGGER refuse_outbox BEFORE INSERT ON \"OutboxMessage\" BEGIN SELECT RAISE(ABORT, 'outbox refused'); END;"
            : """
              CREATE FUNCTION refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox refused'; END $$;
              CREATE TRIGGER refuse_outbox BEFORE INSERT ON "OutboxMessage" FOR EACH ROW EXECUTE FUNCTION refuse_outbox();
              """);

        Assert.False(await FailCommandAsync());
        await ExecuteAsync(sqlite ? "DROP TRIGGER refuse_outbox;" : "DROP TRIGGER refuse_outbox ON \"OutboxMessage\"; DROP FUNCTION refuse_outbox();");
        _host.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.True(await FailCommandAsync());

        // Had the failed alert insert been reported, it would be counted as an error that was not mailed.
        Assert.DoesNotContain("more database error", Assert.Single(await AlertsAsync()).TextBody);
    }

    [Fact]
    public async Task Report_UniqueIndexRace_IsNotAnAlertAndDoesNotUseUpTheInterval()
    {
        await _host.AddPersonAsync("Ann", "ann@helpdesk.test");
        await Assert.ThrowsAsync<DbUpdateException>(() => _host.AddPersonAsync("Ann again", "ann@helpdesk.test"));
        Assert.False(await _host.Get<DatabaseErrorAlerts>().LastAlert);

        Assert.True(await FailCommandAsync());
        Assert.Contains("no_such_table", Assert.Single(await AlertsAsync()).TextBody);
    }
}
