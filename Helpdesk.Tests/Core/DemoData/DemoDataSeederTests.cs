using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Notifications;
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

        var list = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest(), Actor.System);
        Assert.Equal(50, list.TotalCount);
        await using var db = await host.DbAsync();
        Assert.Equal(3, await db.Set<Team>().CountAsync());
        Assert.True(list.StatusCounts.Count > 3, "demo tickets should spread over several statuses");
        var first = (await host.Get<TicketDetailsQuery>().ExecuteAsync(list.Items[0].Id, Actor.System))!;
        Assert.Contains(first.Audit, a => a.Field == "ticket" && a.NewValue == first.Number);
    }

    [Fact]
    public async Task SeedAsync_SwitchedOn_NothingInTheFutureAndNoOverdueBurst()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Helpdesk:SeedDemoData"] = "true" });
        var now = host.Clock.GetUtcNow().UtcDateTime;

        await using var db = await host.DbAsync();
        var tickets = await db.Set<Ticket>().Include(t => t.CaseLog).ToListAsync();
        Assert.Equal(50, tickets.Count);
        Assert.All(tickets, t =>
        {
            Assert.True(t.CreatedAt <= now && t.UpdatedAt <= now && (t.CompletedAt ?? now) <= now, $"{t.Number} has a time in the future");
            Assert.All(t.CaseLog, e => Assert.True(e.CreatedAt <= now, $"an entry of {t.Number} is in the future"));
        });
        Assert.Contains(tickets, t => t.OverdueAt is not null);
        Assert.Empty(await host.Get<OverdueSweep>().RunAsync(default));
    }

    [Fact]
    public async Task SeedAsync_SwitchedOn_DefaultEmailReplyActionIsActive()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Helpdesk:SeedDemoData"] = "true" });

        Assert.Empty(await host.Get<EmailActionsInTestQuery>().ExecuteAsync());
    }

    [Fact]
    public async Task Start_RealInstall_DefaultEmailReplyActionStaysInTest()
    {
        await using var host = await CoreTestHost.StartAsync();

        var inTest = Assert.Single(await host.Get<EmailActionsInTestQuery>().ExecuteAsync());
        Assert.Equal(DefaultNotificationSeeder.TestRecipient, inTest.TestRecipient);
    }

    [Fact]
    public async Task Start_SwitchedOff_LeavesTheHelpdeskEmpty()
    {
        await using var host = await CoreTestHost.StartAsync();

        Assert.DoesNotContain(host.Services.GetServices<IStartupSeeder>(), s => s.GetType().Name == "DemoDataSeeder");
        Assert.Equal(0, (await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest(), Actor.System)).TotalCount);
    }
}
