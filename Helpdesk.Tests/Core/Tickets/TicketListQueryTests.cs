using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Tickets;

public sealed class TicketListQueryTests
{
    private static async Task<CoreTestHost> WithTicketsAsync(int count)
    {
        var host = await CoreTestHost.StartAsync();
        var alice = await host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var bob = await host.AddPersonAsync("Bob Stone", "bob@customer.test");
        var create = host.Get<CreateTicketCommand>();
        for (var i = 1; i <= count; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await create.ExecuteAsync(new NewTicket
            {
                Subject = $"Ticket {i:00}", RequestedForId = i % 2 == 0 ? alice.Id : bob.Id,
                Status = i % 3 == 0 ? TicketStatus.Completed : TicketStatus.Assigned,
            }, Actor.System);
        }
        return host;
    }

    [Fact]
    public async Task ExecuteAsync_SecondPageByNumber_ReturnsThatSliceAndTotal()
    {
        await using var host = await WithTicketsAsync(30);

        var page = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Page = 1, PageSize = 10, Sort = TicketSortField.Number, Descending = false }, Actor.System);

        Assert.Equal(30, page.TotalCount);
        Assert.Equal(Enumerable.Range(11, 10).Select(i => $"Ticket {i:00}"), page.Items.Select(i => i.Subject));
    }

    [Fact]
    public async Task RowAsync_TicketMatchingTheFilters_IsItsRowAsThePageShowsIt_OtherwiseNone()
    {
        await using var host = await WithTicketsAsync(6);
        var query = host.Get<TicketListQuery>();
        var completed = new TicketListRequest { Statuses = [TicketStatus.Completed] };
        var page = await query.ExecuteAsync(completed, Actor.System);

        var row = await query.RowAsync(completed, Actor.System, page.Items[0].Id);

        Assert.Equal(page.Items[0], row);
        Assert.Null(await query.RowAsync(completed, Actor.System, ticketId: 1)); // ticket 1 is not completed
        Assert.Null(await query.RowAsync(new TicketListRequest(), Actor.System, ticketId: 999));
        await Assert.ThrowsAsync<ArgumentException>(() => query.RowAsync(new TicketListRequest { Text = "Ticket" }, Actor.System, 1));
    }

    [Fact]
    public async Task ExecuteAsync_StatusFilter_CountsStatusesAcrossTheOtherFilters()
    {
        await using var host = await WithTicketsAsync(30);

        var page = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Statuses = [TicketStatus.Completed] }, Actor.System);

        Assert.Equal(10, page.TotalCount);
        Assert.All(page.Items, i => Assert.Equal(TicketStatus.Completed, i.Status));
        Assert.Equal(20, page.StatusCounts[TicketStatus.New]); // no team, no member: unassigned
        Assert.Equal(10, page.StatusCounts[TicketStatus.Completed]);
    }

    [Theory]
    [InlineData("alice", 15)]
    [InlineData("BOB@customer", 15)]
    [InlineData("Ticket 07", 1)]
    [InlineData("HD-3", 1)]
    [InlineData("100%", 0)]
    public async Task ExecuteAsync_TextFilter_MatchesNumberSubjectOrRequester(string text, int expected)
    {
        await using var host = await WithTicketsAsync(30);

        var page = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Text = text, PageSize = 100 }, Actor.System);

        Assert.Equal(expected, page.TotalCount);
    }

    [Fact]
    public async Task ExecuteAsync_SortByStatus_FollowsTheLifecycleNotTheAlphabet()
    {
        await using var host = await CoreTestHost.StartAsync();
        var alice = await host.AddPersonAsync("Alice Walker", "alice@customer.test");
        foreach (var status in new[] { TicketStatus.Closed, TicketStatus.WaitingFor, TicketStatus.Accepted, TicketStatus.New, TicketStatus.Completed })
            await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = status.ToString(), RequestedForId = alice.Id, Status = status }, Actor.System);

        var page = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Sort = TicketSortField.Status, Descending = false }, Actor.System);

        Assert.Equal([TicketStatus.New, TicketStatus.Accepted, TicketStatus.WaitingFor, TicketStatus.Completed, TicketStatus.Closed],
            page.Items.Select(i => i.Status));
    }

    [Fact]
    public async Task ExecuteAsync_TeamAndAssigneeFilters_NarrowTheList()
    {
        await using var host = await CoreTestHost.StartAsync();
        var alice = await host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var nina = await host.AddPersonAsync("Nina Net", "nina@helpdesk.test", Helpdesk.Core.People.PersonRoles.Agent);
        int network, desk;
        await using (var db = await host.DbAsync())
        {
            var teams = new[] { new Helpdesk.Core.Teams.Team { Name = "Network" }, new Helpdesk.Core.Teams.Team { Name = "Desk" } };
            db.AddRange(teams);
            await db.SaveChangesAsync();
            (network, desk) = (teams[0].Id, teams[1].Id);
        }
        var create = host.Get<CreateTicketCommand>();
        await create.ExecuteAsync(new NewTicket { Subject = "Switch", RequestedForId = alice.Id, TeamId = network, MemberId = nina.Id }, Actor.System);
        await create.ExecuteAsync(new NewTicket { Subject = "Router", RequestedForId = alice.Id, TeamId = network }, Actor.System);
        await create.ExecuteAsync(new NewTicket { Subject = "Laptop", RequestedForId = alice.Id, TeamId = desk }, Actor.System);
        var query = host.Get<TicketListQuery>();

        var byTeam = await query.ExecuteAsync(new TicketListRequest { TeamId = network, Sort = TicketSortField.Subject, Descending = false }, Actor.System);
        var byAssignee = await query.ExecuteAsync(new TicketListRequest { MemberId = nina.Id }, Actor.System);

        Assert.Equal(["Router", "Switch"], byTeam.Items.Select(i => i.Subject));
        Assert.Equal(["Switch"], byAssignee.Items.Select(i => i.Subject));
    }
}
