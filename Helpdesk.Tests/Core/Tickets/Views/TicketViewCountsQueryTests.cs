using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Views;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Tickets.Views;

public sealed class TicketViewCountsQueryTests
{
    [Fact]
    public async Task ExecuteAsync_MixedTickets_CountsEachViewAsItsListWouldShowIt()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var ann = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var create = host.Get<CreateTicketCommand>();
        async Task New(TicketStatus status, int? member) =>
            await create.ExecuteAsync(new NewTicket { Subject = status.ToString(), RequestedForId = caller.Id, Status = status, MemberId = member }, Actor.System);
        await New(TicketStatus.New, null);
        await New(TicketStatus.InProgress, ann.Id);
        await New(TicketStatus.WaitingForCustomer, ann.Id);
        await New(TicketStatus.WaitingFor, ann.Id);
        await New(TicketStatus.Completed, ann.Id);
        await New(TicketStatus.Closed, null);

        var counts = (await host.Get<TicketViewCountsQuery>().ExecuteAsync(ann.Id, Actor.System)).ToDictionary(v => v.View.Key, v => v.Count);

        Assert.Equal(3, counts["mine"]);
        Assert.Equal(1, counts["unassigned"]);
        Assert.Equal(4, counts["open"]);
        Assert.Equal(2, counts["waiting"]);
        Assert.Equal(0, counts["overdue"]);
        Assert.Equal(6, counts["all"]);
        foreach (var view in TicketViews.BuiltIn)
            Assert.Equal(counts[view.Key], (await host.Get<TicketListQuery>().ExecuteAsync(view.Request(ann.Id), Actor.System)).TotalCount);
    }
}
