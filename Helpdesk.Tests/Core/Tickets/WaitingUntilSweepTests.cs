using System.Collections.Concurrent;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets;

public sealed class WaitingUntilSweepTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Person _agent = default!;
    private Person _caller = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _agent = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        _caller = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<int> CreateAsync(TicketStatus status, TimeSpan? waitFor) => _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket
    {
        Subject = "Waiting for the supplier", RequestedForId = _caller.Id, Status = status, MemberId = _agent.Id,
        WaitingUntil = waitFor is { } wait ? _host.Clock.GetUtcNow().UtcDateTime + wait : null,
    }, Actor.System);

    private async Task<TicketDetails> DetailsAsync(int id) => (await _host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;

    [Fact]
    public async Task RunAsync_WaitingTimePasses_SetsAssignedOnceWithAuditVersionAndFeed()
    {
        var id = await CreateAsync(TicketStatus.WaitingFor, TimeSpan.FromHours(2));
        var before = await DetailsAsync(id);
        // The creation's own delivery may still be in flight: only what the sweep published counts.
        var published = new ConcurrentQueue<TicketChanged>();
        using var subscription = _host.Get<ITicketChangeFeed>().Subscribe(c => { published.Enqueue(c); return Task.CompletedTask; });
        var sweep = _host.Get<WaitingUntilSweep>();

        Assert.Empty(await sweep.RunAsync(default));
        _host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal([id], await sweep.RunAsync(default));
        Assert.Empty(await sweep.RunAsync(default));

        var after = await DetailsAsync(id);
        Assert.Equal((TicketStatus.Assigned, before.Version + 1), (after.Status, after.Version));
        Assert.Contains(after.Audit, a => a.Field == "status" && a.OldValue == "Waiting for…" && a.NewValue == "Assigned" && a.ActorName == "System");
        Assert.Contains(after.Audit, a => a.Field == "waiting_until" && a.OldValue != null && a.NewValue == null);
        await Eventually.WaitUntilAsync(() => published.Any(c => c.Kind == TicketChangeKind.Updated));
        Assert.Equal(id, Assert.Single(published, c => c.Kind == TicketChangeKind.Updated).TicketId);
    }

    [Fact]
    public async Task RunAsync_AgentSetsWaitingForAgainAfterTheSweep_StaysWaiting()
    {
        var id = await CreateAsync(TicketStatus.WaitingFor, TimeSpan.FromHours(1));
        _host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([id], await _host.Get<WaitingUntilSweep>().RunAsync(default));

        await _host.Get<UpdateTicketCommand>().ExecuteAsync((await DetailsAsync(id)).AsUpdate() with { Status = TicketStatus.WaitingFor }, CoreTestHost.AgentActor(_agent));
        _host.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await _host.Get<WaitingUntilSweep>().RunAsync(default));
        Assert.Equal(TicketStatus.WaitingFor, (await DetailsAsync(id)).Status);
    }

    [Fact]
    public async Task RunAsync_PastDateButNotWaitingFor_LeavesTheTicketAlone()
    {
        var id = await CreateAsync(TicketStatus.InProgress, TimeSpan.FromMinutes(5));
        _host.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await _host.Get<WaitingUntilSweep>().RunAsync(default));

        var after = await DetailsAsync(id);
        Assert.Equal(TicketStatus.InProgress, after.Status);
        await using var db = await _host.DbAsync();
        Assert.NotNull((await db.Set<Ticket>().SingleAsync(t => t.Id == id)).WaitingUntil);
    }
}
