using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Commands;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class TicketBulkReducersTests
{
    private static readonly BulkUpdateTicketsAction Close = new([new BulkTicketTarget(1, 1), new BulkTicketTarget(2, 1)], new BulkTicketChange.Close(), "Closed");

    [Fact]
    public void ReduceBulkUpdateTicketsSucceededAction_OneFailed_KeepsOnlyThatOneSelectedAndSaysWhatHappened()
    {
        var busy = TicketBulkReducers.ReduceBulkUpdateTicketsAction(new TicketListState { Selected = [1, 2] }, Close);
        var result = new BulkUpdateResult([1], [new BulkTicketFailure(2, "HD-2", "HD-2 was changed by someone else.")]);

        var state = TicketBulkReducers.ReduceBulkUpdateTicketsSucceededAction(busy, new BulkUpdateTicketsSucceededAction("Closed", result));

        Assert.True(busy.IsBulkUpdating);
        Assert.False(state.IsBulkUpdating);
        Assert.Equal([2], state.Selected);
        Assert.Equal(new TicketBulkOutcome("Closed", 1, result.Failures), state.BulkOutcome);
    }

    [Fact]
    public void ReduceEffectFailedAction_OfTheBulkChange_LeavesTheBarUsableAgain()
    {
        var busy = TicketBulkReducers.ReduceBulkUpdateTicketsAction(new TicketListState(), Close);

        var state = TicketBulkReducers.ReduceEffectFailedAction(busy, new EffectFailedAction(new InvalidOperationException(), Close));

        Assert.False(state.IsBulkUpdating);
    }
}
