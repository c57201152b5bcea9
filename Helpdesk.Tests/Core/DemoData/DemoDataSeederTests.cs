using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.DemoData;

public sealed class DemoDataSeederTests
{
    [Fact]
    public async Task SeedAsync_SwitchedOn_CreatesTeamsPeopleAndFiftyTicketsOnce()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Helpdesk:SeedDemoData"] = "true" });
        var seeder = host.Services.GetServices<IStartupSeeder>().Single(s => s.GetType().Name == "DemoDataSeeder");

        await seeder.SeedAsync(default);

        var list = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest());
        Assert.Equal(50, list.TotalCount);
        await using var db = await host.DbAsync();
        Assert.Equal(3, await db.Set<Team>().CountAsync());
        Assert.True(list.StatusCounts.Count > 3, "demo tickets should spread over several statuses");
        var first = (await host.Get<TicketDetailsQuery>().ExecuteAsync(list.Items[0].Id))!;
        Assert.Contains(first.Audit, a => a.Field == "ticket" && a.NewValue == first.Number);
    }

    [Fact]
    public async Task Start_SwitchedOff_LeavesTheHelpdeskEmpty()
    {
        await using var host = await CoreTestHost.StartAsync();

        Assert.DoesNotContain(host.Services.GetServices<IStartupSeeder>(), s => s.GetType().Name == "DemoDataSeeder");
        Assert.Equal(0, (await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest())).TotalCount);
    }
}
