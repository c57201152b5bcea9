using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Views;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;

namespace Helpdesk.Tests.Core.Tickets;

public sealed class TicketSlaTests
{
    private static async Task<(CoreTestHost Host, int TicketId, Actor Agent)> FourHourTicketAsync()
    {
        var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var agent = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var plan = new SlaPlan { Name = "4 hours", GracePeriodHours = 4 };
        await using (var db = await host.DbAsync())
        {
            db.Add(plan);
            await db.SaveChangesAsync();
        }
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "SLA", RequestedForId = caller.Id, SlaPlanId = plan.Id }, Actor.System);
        return (host, id, CoreTestHost.AgentActor(agent));
    }

    private static async Task SetStatusAsync(CoreTestHost host, int id, TicketStatus status, Actor actor)
    {
        var ticket = (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;
        await host.Get<UpdateTicketCommand>().ExecuteAsync(ticket.AsUpdate() with { Status = status }, actor);
    }

    [Fact]
    public async Task OverdueSweep_WaitingForCustomer_ClockStandsStillAndTheWaitMovesTheDueTime()
    {
        var (host, id, agent) = await FourHourTicketAsync();
        await using var _ = host;
        var sweep = host.Get<OverdueSweep>();

        host.Clock.Advance(TimeSpan.FromHours(1));
        await SetStatusAsync(host, id, TicketStatus.WaitingForCustomer, agent);
        host.Clock.Advance(TimeSpan.FromHours(10));
        Assert.Empty(await sweep.RunAsync(default));
        var paused = Assert.Single((await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest(), Actor.System)).Items);
        Assert.True(paused.SlaPaused);

        await SetStatusAsync(host, id, TicketStatus.InProgress, agent);
        host.Clock.Advance(TimeSpan.FromHours(2.5));
        Assert.Empty(await sweep.RunAsync(default));
        var running = Assert.Single((await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest(), Actor.System)).Items);
        Assert.Equal(running.CreatedAt.AddHours(14), running.DueAt);
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([id], await sweep.RunAsync(default));
    }

    [Fact]
    public async Task ExecuteAsync_PlanTicket_ListShowsDueTimeAndOverdueFlag()
    {
        var (host, id, _) = await FourHourTicketAsync();
        await using var _ = host;

        host.Clock.Advance(TimeSpan.FromHours(5));
        await host.Get<OverdueSweep>().RunAsync(default);

        var item = Assert.Single((await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest(), Actor.System)).Items);
        Assert.Equal(item.CreatedAt.AddHours(4), item.DueAt);
        Assert.True(item.IsOverdue);
        Assert.Equal(1, (await host.Get<TicketViewCountsQuery>().ExecuteAsync(null, Actor.System)).Single(v => v.View.Key == "overdue").Count);
        Assert.Equal(id, item.Id);
    }
}
