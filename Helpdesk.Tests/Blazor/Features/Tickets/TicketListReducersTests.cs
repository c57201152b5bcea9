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

    private static readonly DateTime Noon = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    private static TicketSummary Changed(int id, int minutesAgo, string subject) => Summary(id) with { Subject = subject, UpdatedAt = Noon.AddMinutes(-minutesAgo) };

    /// <summary>The default list (newest change first) showing tickets 1 and 2, as a reload after changes heard at 100 loaded it.</summary>
    private static TicketListState Shown(out TicketListRequest request)
    {
        request = new TicketListRequest { PageSize = 2 };
        var page = new TicketListResult([Changed(1, 1, "Ticket 1"), Changed(2, 2, "Ticket 2")], 5, new Dictionary<TicketStatus, int>());
        return TicketListReducers.ReduceLoadTicketsSucceededAction(new TicketListState { Request = request }, new LoadTicketsSucceededAction(request, page, [], 100));
    }

    [Fact]
    public void ReduceTicketRowPatchedAction_ChangeHeardAfterThePagesQuery_PutsTheRowInPlaceAndTintsIt()
    {
        var shown = Shown(out var request);

        var state = TicketListReducers.ReduceTicketRowPatchedAction(shown, new TicketRowPatchedAction(request, 7, Changed(7, 0, "live-1"), HeardAt: 150));

        Assert.Equal([7, 1], state.Items.Select(i => i.Id));
        Assert.Equal(150, state.RecentlyChanged[7]);
        Assert.Equal(5, state.TotalCount); // the total and counts come with the reload
    }

    [Fact]
    public void ReduceTicketRowPatchedAction_ChangeThePageAlreadySaw_OrOlderThanAPatchedRow_ChangesNothing()
    {
        var shown = Shown(out var request);
        var patched = TicketListReducers.ReduceTicketRowPatchedAction(shown, new TicketRowPatchedAction(request, 7, Changed(7, 0, "live-2"), HeardAt: 160));

        Assert.Same(shown, TicketListReducers.ReduceTicketRowPatchedAction(shown, new TicketRowPatchedAction(request, 7, Changed(7, 0, "live-1"), HeardAt: 100)));
        Assert.Same(patched, TicketListReducers.ReduceTicketRowPatchedAction(patched, new TicketRowPatchedAction(request, 7, Changed(7, 0, "live-1"), HeardAt: 150)));
        Assert.Same(shown, TicketListReducers.ReduceTicketRowPatchedAction(shown, new TicketRowPatchedAction(new TicketListRequest { Page = 3 }, 7, Changed(7, 0, "live-1"), 150)));
    }

    [Fact]
    public void ReduceLoadTicketsSucceededAction_ReloadOlderThanAPatchedRow_KeepsTheRowsNewerState_ANewerReloadReplacesIt()
    {
        var shown = Shown(out var request);
        var patched = TicketListReducers.ReduceTicketRowPatchedAction(shown, new TicketRowPatchedAction(request, 1, Changed(1, 0, "live-3"), HeardAt: 200));
        var older = new TicketListResult([Changed(1, 1, "Ticket 1"), Changed(2, 2, "Ticket 2")], 5, new Dictionary<TicketStatus, int>());
        var newer = new TicketListResult([Changed(1, 0, "live-3 as reloaded"), Changed(2, 2, "Ticket 2")], 5, new Dictionary<TicketStatus, int>());

        var afterOlder = TicketListReducers.ReduceLoadTicketsSucceededAction(patched, new LoadTicketsSucceededAction(request, older, [], 150));
        var afterNewer = TicketListReducers.ReduceLoadTicketsSucceededAction(afterOlder, new LoadTicketsSucceededAction(request, newer, [1], 200));

        Assert.Equal("live-3", afterOlder.Items[0].Subject);
        Assert.Equal("live-3 as reloaded", afterNewer.Items[0].Subject);
        Assert.Empty(afterNewer.RowPatches);
        Assert.Same(newer.Items, afterNewer.Items);
    }

    [Fact]
    public void ReduceLoadTicketsSucceededAction_FreshLoad_DropsThePatchedRows()
    {
        var shown = Shown(out var request);
        var patched = TicketListReducers.ReduceTicketRowPatchedAction(shown, new TicketRowPatchedAction(request, 7, Changed(7, 0, "live-1"), HeardAt: 150));
        var fresh = new TicketListResult([Changed(1, 1, "Ticket 1")], 1, new Dictionary<TicketStatus, int>());

        var state = TicketListReducers.ReduceLoadTicketsSucceededAction(patched, new LoadTicketsSucceededAction(request, fresh));

        Assert.Equal([1], state.Items.Select(i => i.Id));
        Assert.Empty(state.RowPatches);
    }
}
