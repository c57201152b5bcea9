using System.Diagnostics;
using Helpdesk.Core.Common;
using Helpdesk.Core.Leases;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Helpdesk.Tests.Core.Leases;

/// <summary>Several instances on one PostgreSQL database, each with its own connections: one holds a mailbox, one runs a sweep.</summary>
[Trait(ProviderTrait.Name, ProviderTrait.PostgreSqlOnly)]
public sealed class PostgresLeasesTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(3);

    private CoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(provider: DatabaseProvider.PostgreSQL);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string ConnectionString => _host.DatabaseSettings["ConnectionStrings:Helpdesk"]!;

    private PostgresLeases Instance(string name, TimeProvider? clock = null) => new(
        ConnectionString,
        _host.Get<IDbContextFactory<HelpdeskDbContext>>(),
        Options.Create(new HelpdeskOptions { InstanceName = name }),
        Options.Create(new LeaseOptions { Period = Period }),
        clock ?? TimeProvider.System,
        NullLogger<PostgresLeases>.Instance);

    [PostgreSqlFact]
    public async Task TryTakeAsync_TwoInstancesOneMailbox_OnlyOneHoldsIt()
    {
        var (a, b) = (Instance("instance-a"), Instance("instance-b"));

        await using var support = await a.TryTakeAsync(LeaseResource.Mailbox("Support"), default);
        var again = await b.TryTakeAsync(LeaseResource.Mailbox("SUPPORT"), default);
        await using var sales = await b.TryTakeAsync(LeaseResource.Mailbox("Sales"), default);

        Assert.NotNull(support);
        Assert.Null(again);
        Assert.NotNull(sales);
        var holders = await a.MailboxHoldersAsync(default);
        Assert.Equal([("mailbox:Sales", "instance-b"), ("mailbox:Support", "instance-a")], holders.Select(h => (h.Resource, h.Instance)));
    }

    [PostgreSqlFact]
    public async Task TryTakeAsync_TwoInstancesRacing_NeverHeldByBoth()
    {
        var (holding, most, taken) = (0, 0, 0);

        await Task.WhenAll(new[] { Instance("instance-a"), Instance("instance-b") }.Select(leases => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await using var lease = await leases.TryTakeAsync(LeaseResource.Mailbox("Support"), default);
                if (lease is null) continue;
                Interlocked.Increment(ref taken);
                var now = Interlocked.Increment(ref holding);
                InterlockedMax(ref most, now);
                await Task.Delay(5);
                Interlocked.Decrement(ref holding);
            }
        })));

        Assert.Equal(1, most);
        Assert.InRange(taken, 1, 50);
    }

    [PostgreSqlFact]
    public async Task TryTakeAsync_HoldersConnectionDies_OtherTakesOverWithinThePeriodAndHolderLearnsItLost()
    {
        var (a, b) = (Instance("instance-a"), Instance("instance-b"));
        await using var held = await a.TryTakeAsync(LeaseResource.Mailbox("Support"), default);
        Assert.NotNull(held);
        Assert.Null(await b.TryTakeAsync(LeaseResource.Mailbox("Support"), default));

        await TerminateSessionsAsync("helpdesk lease instance-a");
        var clock = Stopwatch.StartNew();
        HeldLease? takenOver = null;
        while (takenOver is null && clock.Elapsed < Period * 2)
        {
            takenOver = await b.TryTakeAsync(LeaseResource.Mailbox("Support"), default);
            if (takenOver is null) await Task.Delay(new LeaseOptions { Period = Period }.Retry);
        }
        var tookOverAfter = clock.Elapsed;
        await using var _ = takenOver;
        await Eventually.WaitUntilAsync(() => held.Lost.IsCancellationRequested);
        var lostAfter = clock.Elapsed;

        Assert.NotNull(takenOver);
        Assert.True(tookOverAfter < Period, $"took over after {tookOverAfter}");
        Assert.True(held.Lost.IsCancellationRequested && lostAfter < Period * 1.5, $"the holder learnt it lost after {lostAfter}");
        var holder = Assert.Single(await b.MailboxHoldersAsync(default));
        Assert.Equal("instance-b", holder.Instance);
    }

    [PostgreSqlFact]
    public async Task TryTakeAsync_Held_RenewsItsRowAndDeletesItWhenReleased()
    {
        var a = Instance("instance-a");
        var held = await a.TryTakeAsync(LeaseResource.Mailbox("Support"), default);
        var first = Assert.Single(await a.MailboxHoldersAsync(default));

        // Renewed every third of the period; a loaded machine may run the renewal late, so wait for it rather than a time.
        var renewed = first;
        await Eventually.WaitUntilAsync(async () => (renewed = Assert.Single(await a.MailboxHoldersAsync(default))).RenewedAt > first.RenewedAt);
        await held!.DisposeAsync();

        Assert.True(renewed.RenewedAt > first.RenewedAt);
        Assert.Equal(first.Since, renewed.Since);
        Assert.Empty(await a.MailboxHoldersAsync(default));
        await using var next = await Instance("instance-b").TryTakeAsync(LeaseResource.Mailbox("Support"), default);
        Assert.NotNull(next);
    }

    [PostgreSqlFact]
    public async Task RunOnceAsync_TwoInstancesEachTick_RunsOncePerInterval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var instances = new[] { Instance("instance-a", clock), Instance("instance-b", clock) };
        var runs = 0;
        var interval = TimeSpan.FromMinutes(1);
        Func<CancellationToken, Task> sweep = async _ =>
        {
            Interlocked.Increment(ref runs);
            await Task.Delay(200);
        };
        Task<bool[]> TickAsync() => Task.WhenAll(instances.Select(i => Task.Run(() => i.RunOnceAsync("overdue", interval, sweep, default))));

        var together = await TickAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        var halfAnIntervalLater = await TickAsync();
        clock.Advance(TimeSpan.FromSeconds(35));
        var nextInterval = await TickAsync();

        Assert.Equal(1, together.Count(ran => ran));
        Assert.All(halfAnIntervalLater, ran => Assert.False(ran));
        Assert.Equal(1, nextInterval.Count(ran => ran));
        Assert.Equal(2, runs);
    }

    [PostgreSqlFact]
    public async Task RunOnceAsync_SweepFails_NextTickRunsItAgain()
    {
        var a = Instance("instance-a");

        await Assert.ThrowsAsync<InvalidOperationException>(() => a.RunOnceAsync("overdue", TimeSpan.FromMinutes(1), _ => throw new InvalidOperationException("down"), default));
        var ran = await Instance("instance-b").RunOnceAsync("overdue", TimeSpan.FromMinutes(1), _ => Task.CompletedTask, default);

        Assert.True(ran);
    }

    private async Task TerminateSessionsAsync(string applicationName)
    {
        await using var admin = new NpgsqlConnection(ConnectionString);
        await admin.OpenAsync();
        await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name", admin);
        kill.Parameters.AddWithValue("name", applicationName);
        Assert.Equal(1L, await kill.ExecuteScalarAsync());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
