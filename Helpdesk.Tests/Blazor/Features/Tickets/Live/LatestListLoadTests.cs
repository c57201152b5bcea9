using Helpdesk.Blazor.Features.Tickets.Live;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Blazor.Features.Tickets.Live;

public sealed class LatestListLoadTests
{
    private static readonly Actor Ann = Actor.Agent(1, "Ann Agent", [ConsoleRoles.Agent]);
    private readonly LatestListLoad _loads = new();

    [Fact]
    public void Begin_AnotherList_StopsWaitingForTheOneBefore()
    {
        var typedT = _loads.Begin(new TicketListRequest { Text = "t" }, Ann);

        var typedTe = _loads.Begin(new TicketListRequest { Text = "te" }, Ann);

        Assert.True(typedT.IsCancellationRequested);
        Assert.False(typedTe.IsCancellationRequested);
    }

    [Fact]
    public void Begin_TheSameListAgain_KeepsTheLoadInFlight()
    {
        var opened = _loads.Begin(new TicketListRequest { Statuses = [TicketStatus.New, TicketStatus.Assigned] }, Ann);

        var reloaded = _loads.Begin(new TicketListRequest { Statuses = [TicketStatus.Assigned, TicketStatus.New] }, Ann);

        Assert.False(opened.IsCancellationRequested);
        Assert.Equal(opened, reloaded);
    }

    [Fact]
    public void Dispose_CircuitClosed_StopsWaiting()
    {
        var waiting = _loads.Begin(new TicketListRequest(), Ann);

        _loads.Dispose();

        Assert.True(waiting.IsCancellationRequested);
    }
}
