using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Views;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

/// <summary>The navigation's views and counts: a change tick that moves no count leaves the state (and so every render) alone.</summary>
public sealed class TicketViewsReducersTests
{
    private static IReadOnlyList<CountedTicketView> Counted(int all) =>
        [.. TicketViews.BuiltIn.Select(v => new CountedTicketView(v, v.Key == "all" ? all : 0))];

    private static readonly TicketViewsState Loaded = TicketViewsReducers.ReduceLoadViewCountsSucceededAction(new TicketViewsState(), new(Counted(all: 3)));

    [Fact]
    public void ReduceLoadViewCountsSucceededAction_AfterChangesSameCounts_KeepsTheSameState()
    {
        var state = TicketViewsReducers.ReduceLoadViewCountsSucceededAction(Loaded, new(Counted(all: 3), AfterChanges: true));

        Assert.Same(Loaded, state);
    }

    [Fact]
    public void ReduceLoadViewCountsSucceededAction_AfterChangesOtherCount_TakesTheNewCounts()
    {
        var state = TicketViewsReducers.ReduceLoadViewCountsSucceededAction(Loaded, new(Counted(all: 4), AfterChanges: true));

        Assert.Equal(4, state.Counts["all"]);
    }

    [Fact]
    public void ReduceLoadViewCountsSucceededAction_FreshLoadSameCounts_TakesTheNewViews()
    {
        var edited = new TicketView("custom-1", "Printers", _ => new TicketListRequest { Text = "printer" });
        var before = TicketViewsReducers.ReduceLoadViewCountsSucceededAction(Loaded, new([.. Counted(all: 3), new(edited, 0)]));
        var renamed = edited with { Title = "Printers and scanners" };

        var state = TicketViewsReducers.ReduceLoadViewCountsSucceededAction(before, new([.. Counted(all: 3), new(renamed, 0)]));

        Assert.Equal("Printers and scanners", state.Views[^1].Title);
    }

    [Fact]
    public void ReduceLoadViewCountsAction_SamePerson_KeepsTheSameState()
    {
        var state = TicketViewsReducers.ReduceLoadViewCountsAction(Loaded, new(Loaded.Me, ChangesHeardAt: 42));

        Assert.Same(Loaded, state);
    }
}
