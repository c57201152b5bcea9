using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Tickets.Live;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Blazor.Features.Shell;

public sealed class LatestLoadTests
{
    private static readonly Actor Ann = Actor.Agent(1, "Ann Agent", [ConsoleRoles.Agent]);
    private readonly LatestLoad<TicketListKey> _loads = new();

    [Fact]
    public void Begin_AnotherList_StopsWaitingForTheOneBefore()
    {
        var typedT = _loads.Begin(TicketListKey.Of(new TicketListRequest { Text = "t" }, Ann));

        var typedTe = _loads.Begin(TicketListKey.Of(new TicketListRequest { Text = "te" }, Ann));

        Assert.True(typedT.IsCancellationRequested);
        Assert.False(typedTe.IsCancellationRequested);
    }

    [Fact]
    public void Begin_TheSameListAgain_KeepsTheLoadInFlight()
    {
        var opened = _loads.Begin(TicketListKey.Of(new TicketListRequest { Statuses = [TicketStatus.New, TicketStatus.Assigned] }, Ann));

        var reloaded = _loads.Begin(TicketListKey.Of(new TicketListRequest { Statuses = [TicketStatus.Assigned, TicketStatus.New] }, Ann));

        Assert.False(opened.IsCancellationRequested);
        Assert.Equal(opened, reloaded);
    }

    [Fact]
    public void Dispose_CircuitClosed_StopsWaiting()
    {
        var waiting = _loads.Begin(TicketListKey.Of(new TicketListRequest(), Ann));

        _loads.Dispose();

        Assert.True(waiting.IsCancellationRequested);
    }
}
