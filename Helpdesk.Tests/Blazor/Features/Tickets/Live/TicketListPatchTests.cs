using Helpdesk.Blazor.Features.Tickets.Live;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Blazor.Features.Tickets.Live;

public sealed class TicketListPatchTests
{
    private static readonly DateTime Noon = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A ticket updated <paramref name="minutesAgo"/> minutes before noon.</summary>
    private static TicketSummary Row(int id, int minutesAgo, string subject = "Printer", TicketStatus status = TicketStatus.New) =>
        new(id, TicketNumber.Prefix + id, subject, status, default, null, "Bob", "bob@customer.test", null, null,
            Noon.AddDays(-1).AddMinutes(id), Noon.AddMinutes(-minutesAgo));

    // Newest change first, as the list opens: tickets 1, 2, 3 changed 1, 2, 3 minutes ago.
    private static readonly TicketSummary[] Page = [Row(1, 1), Row(2, 2), Row(3, 3)];
    private static readonly TicketListRequest Newest = new() { PageSize = 3 };

    private static int[] Ids(IReadOnlyList<TicketSummary> page) => [.. page.Select(t => t.Id)];

    private static TicketChanged Change(int ticketId, TicketChangeKind kind = TicketChangeKind.Updated) => new(ticketId, kind, null, Noon);

    [Fact]
    public void Apply_TicketOffThePageChangedJustNow_GoesOnTopAndTheLastRowMakesRoom()
    {
        var page = TicketListPatch.Apply(Page, Newest, 9, Row(9, 0, "live-1 printer"));

        Assert.Equal([9, 1, 2], Ids(page));
        Assert.Equal("live-1 printer", page[0].Subject);
    }

    [Fact]
    public void Apply_RowOnThePageChanged_MovesToItsPlaceWithItsNewFields()
    {
        var page = TicketListPatch.Apply(Page, Newest, 3, Row(3, 0, "Toner"));

        Assert.Equal([3, 1, 2], Ids(page));
        Assert.Equal("Toner", page[0].Subject);
    }

    [Fact]
    public void Apply_TicketNoLongerMatchingTheFilters_LeavesThePage() =>
        Assert.Equal([1, 3], Ids(TicketListPatch.Apply(Page, Newest, 2, row: null)));

    [Fact]
    public void Apply_TicketOffThePageThatStillBelongsToALaterPage_LeavesThePageAsItWas() =>
        Assert.Equal([1, 2, 3], Ids(TicketListPatch.Apply(Page, Newest, 9, Row(9, 10))));

    [Fact]
    public void Apply_LastRowChangedWithoutMoving_StaysAtTheEndOfAFullPage()
    {
        var page = TicketListPatch.Apply(Page, Newest, 3, Row(3, 3, "Toner"));

        Assert.Equal([1, 2, 3], Ids(page));
        Assert.Equal("Toner", page[2].Subject);
    }

    [Fact]
    public void Apply_RowThatMovedPastTheEndOfAFullPage_LeavesIt() =>
        Assert.Equal([2, 3], Ids(TicketListPatch.Apply(Page, Newest, 1, Row(1, 10))));

    [Fact]
    public void Apply_OnTheLastPageWithRoom_AppendsARowThatComesAfterTheOthers() =>
        Assert.Equal([1, 2, 3, 9], Ids(TicketListPatch.Apply(Page, Newest with { PageSize = 25 }, 9, Row(9, 10))));

    [Fact]
    public void Apply_OnALaterPage_ARowThatNowComesBeforeItsFirstBelongsToAnEarlierPage() =>
        Assert.Equal([1, 2], Ids(TicketListPatch.Apply(Page, Newest with { Page = 1 }, 3, Row(3, 0))));

    [Fact]
    public void Apply_OldestFirst_PutsTheChangedRowLast() =>
        Assert.Equal([2, 1, 3], Ids(TicketListPatch.Apply([Row(3, 3), Row(2, 2), Row(1, 1)], Newest with { Descending = false, PageSize = 25 }, 3, Row(3, 0))));

    [Fact]
    public void Apply_SortedByStatus_PutsTheRowAmongItsStatus()
    {
        var page = new[] { Row(1, 1), Row(2, 2, status: TicketStatus.Assigned), Row(3, 3, status: TicketStatus.Assigned) };
        var byStatus = new TicketListRequest { Sort = TicketSortField.Status, Descending = false };

        Assert.Equal([1, 3, 2], Ids(TicketListPatch.Apply(page, byStatus, 3, Row(3, 0, status: TicketStatus.New))));
    }

    [Fact]
    public void Apply_SortedBySubjectAndTheSubjectChanged_LeavesThePageToTheReload()
    {
        var bySubject = new TicketListRequest { Sort = TicketSortField.Subject };

        Assert.Same(Page, TicketListPatch.Apply(Page, bySubject, 2, Row(2, 0, "Another subject")));
    }

    [Fact]
    public void Apply_SortedBySubjectAndOnlyAnotherColumnChanged_ReplacesTheRowInPlace()
    {
        var bySubject = new TicketListRequest { Sort = TicketSortField.Subject };

        var page = TicketListPatch.Apply(Page, bySubject, 2, Row(2, 0, status: TicketStatus.Assigned));

        Assert.Equal([1, 2, 3], Ids(page));
        Assert.Equal(TicketStatus.Assigned, page[1].Status);
    }

    [Theory]
    [InlineData(9, TicketChangeKind.Updated, TicketSortField.UpdatedAt, null, true)] // may come to the top
    [InlineData(9, TicketChangeKind.Updated, TicketSortField.Subject, null, false)] // its place among subjects is the reload's
    [InlineData(2, TicketChangeKind.Updated, TicketSortField.Subject, null, true)] // on the page: patched if its subject stayed
    [InlineData(9, TicketChangeKind.Updated, TicketSortField.UpdatedAt, "printer", false)] // a search's matches come with its page
    [InlineData(2, TicketChangeKind.MailDeliveryChanged, TicketSortField.UpdatedAt, null, false)] // the list does not show it
    [InlineData(9, TicketChangeKind.CaseLogAppended, TicketSortField.Number, null, false)] // cannot touch a list by number
    public void Applies_OnlyWhereTheRowsPlaceCanBeToldAndTheChangeCanTouchTheList(int ticketId, TicketChangeKind kind, TicketSortField sort, string? text,
        bool applies) =>
        Assert.Equal(applies, TicketListPatch.Applies(Change(ticketId, kind), new TicketListRequest { Sort = sort, Text = text }, Page));
}
