using Helpdesk.Blazor.Features.Tickets.Presence;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Presence;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Tests.Blazor.Features.Tickets.Presence;

/// <summary>Two instances (two hosts, own registries and listen connections) on one real PostgreSQL database.</summary>
public sealed class TicketPresenceAcrossInstancesTests : IAsyncLifetime
{
    private const int TicketId = 7;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly StatementHold _holdOnA = new();

    private CoreTestHost _a = default!;
    private CoreTestHost _b = default!;
    private TicketPresenceRegistry _onA = default!;
    private TicketPresenceRegistry _onB = default!;
    private int _bobNotified;

    public async Task InitializeAsync()
    {
        _a = await CoreTestHost.StartAsync(
            builder => builder.Services.ConfigureDbContext<HelpdeskDbContext>(options => options.AddInterceptors(_holdOnA), ServiceLifetime.Singleton),
            new Dictionary<string, string?> { ["Helpdesk:InstanceName"] = "instance-a" }, DatabaseProvider.PostgreSQL);
        _b = await _a.StartAnotherInstanceAsync(new Dictionary<string, string?> { ["Helpdesk:InstanceName"] = "instance-b" });
        _onA = Registry(_a);
        _onB = Registry(_b);
    }

    private static TicketPresenceRegistry Registry(CoreTestHost host) =>
        new(host.Clock, NullLogger<TicketPresenceRegistry>.Instance, host.Get<SharedTicketPresence>());

    private TicketPresenceRegistry.PresenceHandle JoinBob() =>
        _onB.Join(TicketId, 2, "Bob Agent", () => { Interlocked.Increment(ref _bobNotified); return Task.CompletedTask; });

    private static string[] Names(TicketPresenceRegistry registry) => [.. registry.Viewers(TicketId).Select(v => v.Name).Order()];

    [Fact]
    public async Task Join_AgentsOnTwoInstances_EachSeesTheOther()
    {
        using var bob = JoinBob();
        using var ann = _onA.Join(TicketId, 1, "Ann Agent", () => Task.CompletedTask);

        await Eventually.WaitUntilAsync(() => Names(_onB).Length == 2 && Names(_onA).Length == 2);

        Assert.Equal(["Ann Agent", "Bob Agent"], Names(_onB));
        Assert.Equal(["Ann Agent", "Bob Agent"], Names(_onA));
        Assert.True(_bobNotified > 0);
        Assert.Empty(_onB.Viewers(TicketId + 1));
    }

    [Fact]
    public async Task Join_AReadThatStartedBeforeTheOtherJoinAnswersLast_TheOtherStaysListed()
    {
        _holdOnA.HoldFirstAfterItRan(command => command.CommandText.Contains("FROM \"TicketPresenceEntry\"", StringComparison.Ordinal));
        using var ann = _onA.Join(TicketId, 1, "Ann Agent", () => Task.CompletedTask);
        await _holdOnA.Reached.Task.WaitAsync(Guard); // A has read who else is on the ticket: no one, and that answer is late

        using var bob = JoinBob();
        await Eventually.WaitUntilAsync(() => Names(_onA).Length == 2); // A heard of Bob and read again
        _holdOnA.Release.TrySetResult();
        await Task.Delay(TimeSpan.FromSeconds(1)); // the late answer arrives in well under that

        Assert.Equal(["Ann Agent", "Bob Agent"], Names(_onA));
    }

    [Fact]
    public async Task TypingAndLeave_OnOneInstance_TheOtherSeesTypingThenNoOne()
    {
        using var bob = JoinBob();
        var ann = _onA.Join(TicketId, 1, "Ann Agent", () => Task.CompletedTask);
        await Eventually.WaitUntilAsync(() => Names(_onB).Length == 2);

        ann.Typing(CaseLogKind.Public);
        await Eventually.WaitUntilAsync(() => _onB.Viewers(TicketId).Any(v => v.TypingIn == CaseLogKind.Public));
        var typing = _onB.Viewers(TicketId).Single(v => v.Name == "Ann Agent").TypingIn;
        ann.Dispose();
        await Eventually.WaitUntilAsync(() => Names(_onB).Length == 1);

        Assert.Equal(CaseLogKind.Public, typing);
        Assert.Equal(["Bob Agent"], Names(_onB));
    }

    [Fact]
    public async Task Renewal_OtherInstanceDied_ItsViewerDropsOutAfterTheExpiry()
    {
        using var bob = JoinBob();
        _onA.Join(TicketId, 1, "Ann Agent", () => Task.CompletedTask);
        await Eventually.WaitUntilAsync(() => Names(_onB).Length == 2);
        _onA.Dispose(); // instance A stops renewing, as a killed process does; its row stays

        _b.Clock.Advance(SharedTicketPresence.Renewal);
        await Task.Delay(500);
        var beforeExpiry = Names(_onB);
        _b.Clock.Advance(SharedTicketPresence.Expiry);
        await Eventually.WaitUntilAsync(() => Names(_onB).Length == 1);

        Assert.Equal(["Ann Agent", "Bob Agent"], beforeExpiry);
        Assert.Equal(["Bob Agent"], Names(_onB));
    }

    [Fact]
    public async Task Renewal_RowLost_WritesItAgainAndTheOtherInstanceSeesTheViewerAgain()
    {
        using var bob = JoinBob();
        using var ann = _onA.Join(TicketId, 1, "Ann Agent", () => Task.CompletedTask);
        await Eventually.WaitUntilAsync(() => Names(_onB).Length == 2);
        // As if Ann's join never reached the database, or another instance swept the row while A could not renew it.
        await using (var db = await _a.DbAsync())
            await db.Set<TicketPresenceEntry>().Where(e => e.SessionId == ann.SessionId).ExecuteDeleteAsync();
        _b.Clock.Advance(SharedTicketPresence.Renewal);
        await Eventually.WaitUntilAsync(() => Names(_onB).Length == 1);

        _a.Clock.Advance(SharedTicketPresence.Renewal);
        await Eventually.WaitUntilAsync(() => Names(_onB).Length == 2);

        Assert.Equal(["Ann Agent", "Bob Agent"], Names(_onB));
        await using var check = await _a.DbAsync();
        var row = await check.Set<TicketPresenceEntry>().SingleAsync(e => e.SessionId == ann.SessionId);
        Assert.Equal(("Ann Agent", 1, TicketId, "instance-a"), (row.Name, row.PersonId, row.TicketId, row.Instance));
    }

    public async Task DisposeAsync()
    {
        _onA.Dispose();
        _onB.Dispose();
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }
}
