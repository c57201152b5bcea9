using System.Collections.Immutable;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class TicketListReducersTests
{
    private static TicketSummary Summary(int id) =>
        new(id, $"HD-{id}", $"Ticket {id}", TicketStatus.Assigned, TicketCategory.Incident, null, "Alice", "alice@x", null, null, DateTime.UtcNow, DateTime.UtcNow);

    [Fact]
    public void ReduceLoadTicketsSucceededAction_ForCurrentRequest_ReplacesItemsAndClearsLoading()
    {
        var request = new TicketListRequest { Page = 1 };
        var loading = TicketListReducers.ReduceLoadTicketsAction(new TicketListState(), new LoadTicketsAction(request));
        var result = new TicketListResult([Summary(1), Summary(2)], 27, new Dictionary<TicketStatus, int> { [TicketStatus.Assigned] = 27 });

        var state = TicketListReducers.ReduceLoadTicketsSucceededAction(loading, new LoadTicketsSucceededAction(request, result));

        Assert.False(state.IsLoading);
        Assert.True(state.HasLoaded);
        Assert.Equal([1, 2], state.Items.Select(i => i.Id));
        Assert.Equal(27, state.TotalCount);
        Assert.Equal(27, state.StatusCounts[TicketStatus.Assigned]);
    }

    [Fact]
    public void ReduceLoadTicketsAction_ReloadAfterChangesOfTheShownList_KeepsTheStateSoNothingRenders()
    {
        var request = new TicketListRequest();
        var shown = new TicketListState { Request = request, HasLoaded = true };

        Assert.Same(shown, TicketListReducers.ReduceLoadTicketsAction(shown, new LoadTicketsAction(request, ChangesHeardAt: 42)));
        Assert.True(TicketListReducers.ReduceLoadTicketsAction(shown, new LoadTicketsAction(request)).IsLoading);
    }

    [Fact]
    public void ReduceLoadTicketsSucceededAction_AfterAnError_ClearsItAndKeepsTheSharedResultsLists()
    {
        var request = new TicketListRequest();
        var failed = new TicketListState { Request = request, HasLoaded = true, Error = "boom" };
        var result = new TicketListResult([Summary(1)], 1, new Dictionary<TicketStatus, int> { [TicketStatus.Assigned] = 1 });

        var state = TicketListReducers.ReduceLoadTicketsSucceededAction(failed, new LoadTicketsSucceededAction(request, result));

        Assert.Null(state.Error);
        Assert.Same(result.Items, state.Items);
        Assert.Same(result.StatusCounts, state.StatusCounts);
    }

    [Fact]
    public void ReduceLoadTicketsSucceededAction_ForAnOlderRequest_IsIgnored()
    {
        var newer = new TicketListRequest { Text = "vpn" };
        var state = TicketListReducers.ReduceLoadTicketsAction(new TicketListState(), new LoadTicketsAction(newer));
        var stale = new TicketListResult([Summary(9)], 1, new Dictionary<TicketStatus, int>());

        var after = TicketListReducers.ReduceLoadTicketsSucceededAction(state, new LoadTicketsSucceededAction(new TicketListRequest(), stale));

        Assert.Same(state, after);
    }

    [Fact]
    public void ReduceLoadTicketsSucceededAction_AReloadAfterChanges_MarksTheChangedTicketsOnThePage()
    {
        var request = new TicketListRequest();
        var result = new TicketListResult([Summary(5), Summary(7)], 2, new Dictionary<TicketStatus, int>());
        var loading = TicketListReducers.ReduceLoadTicketsAction(new TicketListState(), new LoadTicketsAction(request));

        var state = TicketListReducers.ReduceLoadTicketsSucceededAction(loading, new LoadTicketsSucceededAction(request, result, Changed: [5, 9], ChangesHeardAt: 10));

        Assert.Equal([5], state.RecentlyChanged.Keys); // 9 is not on the page
        Assert.Equal(10, state.RecentlyChanged[5]);
    }

    [Fact]
    public void ReduceChangeMarksExpiredAction_ATicketThatChangedAgainSince_KeepsItsNewerMark()
    {
        var request = new TicketListRequest();
        var result = new TicketListResult([Summary(5), Summary(7)], 2, new Dictionary<TicketStatus, int>());
        var state = TicketListReducers.ReduceLoadTicketsAction(new TicketListState(), new LoadTicketsAction(request));
        state = TicketListReducers.ReduceLoadTicketsSucceededAction(state, new LoadTicketsSucceededAction(request, result, [5, 7], ChangesHeardAt: 10));
        state = TicketListReducers.ReduceLoadTicketsSucceededAction(state, new LoadTicketsSucceededAction(request, result, [7], ChangesHeardAt: 20));

        var expired = TicketListReducers.ReduceChangeMarksExpiredAction(state, new ChangeMarksExpiredAction(HeardAt: 10));

        Assert.Equal([7], expired.RecentlyChanged.Keys);
        Assert.Same(expired, TicketListReducers.ReduceChangeMarksExpiredAction(expired, new ChangeMarksExpiredAction(HeardAt: 10)));
        Assert.Empty(TicketListReducers.ReduceChangeMarksExpiredAction(expired, new ChangeMarksExpiredAction(HeardAt: 20)).RecentlyChanged);
    }

    [Fact]
    public void ReduceLoadTicketsFailedAction_KeepsItemsAndShowsError()
    {
        var state = new TicketListState { Items = [Summary(1)], IsLoading = true };

        var after = TicketListReducers.ReduceLoadTicketsFailedAction(state, new LoadTicketsFailedAction("boom"));

        Assert.Equal(("boom", false, 1), (after.Error, after.IsLoading, after.Items.Count));
    }
}
