using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Helpdesk.Core.Common;
using Helpdesk.Core.Leases;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Helpdesk.Tests.Blazor.Hosting.Health;

/// <summary>/health of the whole console: database, background workers, and who holds each mailbox's lease.</summary>
public sealed class HealthHttpTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(3);

    private static ConsoleHttpHost Start(DatabaseProvider provider, string instance = "instance-a") => new(new Dictionary<string, string>
    {
        ["Helpdesk:InstanceName"] = instance,
        ["Leases:Period"] = Period.ToString(),
        ["Mail:Inbound:PollInterval"] = "00:00:01",
        ["Mail:Inbound:Mailboxes:0:Name"] = "Support",
        ["Mail:Inbound:Mailboxes:0:Kind"] = "DropFolder",
        ["Mail:Inbound:Mailboxes:0:Folder"] = "mail/support",
    }, provider);

    /// <summary>Asks /health until the Support mailbox is in <paramref name="here"/> with <paramref name="holder"/>, or 10 s pass.</summary>
    private static async Task<(HttpStatusCode Status, string Raw, JsonElement Body)> HealthWhenAsync(HttpClient client, string here, string holder)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync("/health");
            var raw = await response.Content.ReadAsStringAsync();
            var body = JsonDocument.Parse(raw).RootElement;
            var support = Mailboxes(body).FirstOrDefault(m => m.GetProperty("mailbox").GetString() == "Support");
            if ((support.ValueKind == JsonValueKind.Object && support.GetProperty("here").GetString() == here && support.GetProperty("holder").GetString() == holder)
                || clock.Elapsed > TimeSpan.FromSeconds(30))
                return (response.StatusCode, raw, body);
            await Task.Delay(100);
        }
    }

    private static IEnumerable<JsonElement> Mailboxes(JsonElement body) =>
        body.GetProperty("checks").GetProperty("workers").GetProperty("data").GetProperty("mailboxes").EnumerateArray();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Health_MailboxFetching_ReportsDatabaseWorkersAndThisInstanceAsHolder(DatabaseProvider provider)
    {
        await using var host = Start(provider);
        var client = host.CreateClient();

        var (status, raw, body) = await HealthWhenAsync(client, "Fetching", "instance-a");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Healthy", "instance-a"), (body.GetProperty("status").GetString(), body.GetProperty("instance").GetString()));
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        var workers = body.GetProperty("checks").GetProperty("workers").GetProperty("data").GetProperty("workers");
        Assert.Equal(["InboundMailWorker", "OutboxSendWorker", "OverdueWorker", "WaitingUntilWorker"], workers.EnumerateObject().Select(w => w.Name));
        Assert.All(workers.EnumerateObject(), w => Assert.Equal("Running", w.Value.GetString()));
        var support = Assert.Single(Mailboxes(body));
        Assert.Equal(("Fetching", "instance-a", false), (support.GetProperty("here").GetString(), support.GetProperty("holder").GetString(), support.GetProperty("stale").GetBoolean()));
        Assert.DoesNotContain("Password", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("helpdesk-test", raw);
        Assert.DoesNotContain("Host=", raw);
    }

    [Fact]
    public async Task Health_HoldersSessionDies_AnotherInstanceTakesOverAndThisOneStandsByThenTakesItBack()
    {
        await using var host = Start(DatabaseProvider.PostgreSQL);
        var client = host.CreateClient();
        Assert.Equal("Fetching", Mailboxes((await HealthWhenAsync(client, "Fetching", "instance-a")).Body).Single().GetProperty("here").GetString());
        var other = new PostgresLeases(host.Database.ConnectionString!, host.Factory.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>(),
            Options.Create(new HelpdeskOptions { InstanceName = "instance-b" }), Options.Create(new LeaseOptions { Period = Period }),
            TimeProvider.System, NullLogger<PostgresLeases>.Instance);
        Assert.Null(await other.TryTakeAsync(LeaseResource.Mailbox("Support"), default));

        await using (var admin = new NpgsqlConnection(host.Database.ConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'helpdesk lease instance-a'", admin).ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        HeldLease? taken = null;
        while (taken is null && clock.Elapsed < Period * 2)
            taken = await other.TryTakeAsync(LeaseResource.Mailbox("Support"), default) ?? await Task.Delay(100).ContinueWith(_ => (HeldLease?)null);
        var tookOverAfter = clock.Elapsed;
        var standby = await HealthWhenAsync(client, "Standby", "instance-b");
        await taken!.DisposeAsync();
        var back = await HealthWhenAsync(client, "Fetching", "instance-a");

        Assert.True(tookOverAfter < Period, $"took over after {tookOverAfter}");
        Assert.Equal((HttpStatusCode.OK, "Standby", "instance-b"),
            (standby.Status, Mailboxes(standby.Body).Single().GetProperty("here").GetString(), Mailboxes(standby.Body).Single().GetProperty("holder").GetString()));
        Assert.Equal(("Fetching", "instance-a"),
            (Mailboxes(back.Body).Single().GetProperty("here").GetString(), Mailboxes(back.Body).Single().GetProperty("holder").GetString()));
    }

    private static IEnumerable<JsonElement> Sweeps(JsonElement body) =>
        body.GetProperty("checks").GetProperty("workers").GetProperty("data").GetProperty("sweeps").EnumerateArray();

    /// <summary>Asks /health until both sweeps are reported as run by <paramref name="instance"/>, or 30 s pass.</summary>
    private static async Task<Dictionary<string, (DateTime LastRunAt, string Instance)>> SweepsWhenAsync(HttpClient client, string instance)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var body = JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement;
            var sweeps = Sweeps(body).ToDictionary(s => s.GetProperty("sweep").GetString()!,
                s => (s.GetProperty("lastRunAt").GetDateTime(), s.GetProperty("instance").GetString()!));
            if ((sweeps.Count == 2 && sweeps.Values.All(s => s.Item2 == instance)) || clock.Elapsed > TimeSpan.FromSeconds(30)) return sweeps;
            await Task.Delay(100);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Health_SweepsRanAtStart_ReportsWhenAndWhereEachLastRan(DatabaseProvider provider)
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        await using var host = Start(provider);

        var sweeps = await SweepsWhenAsync(host.CreateClient(), "instance-a");

        Assert.Equal(["overdue", "waiting-until"], sweeps.Keys.Order());
        Assert.All(sweeps.Values, s => Assert.Equal("instance-a", s.Instance));
        Assert.All(sweeps.Values, s => Assert.InRange(s.LastRunAt, before, DateTime.UtcNow));
    }

    [Fact]
    public async Task Health_AnotherInstanceRanTheSweeps_ThisInstanceReportsThatInstanceAndTime()
    {
        await using var host = Start(DatabaseProvider.PostgreSQL);
        var client = host.CreateClient();
        await SweepsWhenAsync(client, "instance-a");
        var other = new PostgresLeases(host.Database.ConnectionString!, host.Factory.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>(),
            Options.Create(new HelpdeskOptions { InstanceName = "instance-b" }), Options.Create(new LeaseOptions { Period = Period }),
            TimeProvider.System, NullLogger<PostgresLeases>.Instance);
        var before = DateTime.UtcNow.AddSeconds(-1);

        // An interval this short counts the earlier run as long ago, so instance-b runs the sweep now.
        Assert.True(await other.RunOnceAsync("overdue", TimeSpan.FromMilliseconds(1), _ => Task.CompletedTask, default));
        Assert.True(await other.RunOnceAsync("waiting-until", TimeSpan.FromMilliseconds(1), _ => Task.CompletedTask, default));
        var sweeps = await SweepsWhenAsync(client, "instance-b");

        Assert.All(sweeps.Values, s => Assert.Equal("instance-b", s.Instance));
        Assert.All(sweeps.Values, s => Assert.InRange(s.LastRunAt, before, DateTime.UtcNow));
    }
}
