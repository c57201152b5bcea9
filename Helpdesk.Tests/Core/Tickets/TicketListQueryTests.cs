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

        var page = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Page = 1, PageSize = 10, Sort = TicketSortField.Number, Descending = false });

        Assert.Equal(30, page.TotalCount);
        Assert.Equal(Enumerable.Range(11, 10).Select(i => $"Ticket {i:00}"), page.Items.Select(i => i.Subject));
    }

    [Fact]
    public async Task ExecuteAsync_StatusFilter_CountsStatusesAcrossTheOtherFilters()
    {
        await using var host = await WithTicketsAsync(30);

        var page = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Statuses = [TicketStatus.Completed] });

        Assert.Equal(10, page.TotalCount);
        Assert.All(page.Items, i => Assert.Equal(TicketStatus.Completed, i.Status));
        Assert.Equal(20, page.StatusCounts[TicketStatus.Assigned]);
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

        var page = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Text = text, PageSize = 100 });

        Assert.Equal(expected, page.TotalCount);
    }
}
