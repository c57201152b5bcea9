using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Views;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class TicketListUrlTests
{
    private const string Base = "http://localhost";

    // An administrator's view that sorts by creation, oldest first, and filters on impact.
    private static readonly TicketView HighImpact = new SavedTicketView
    {
        Id = 3, Name = "High impact", Statuses = [TicketStatus.Assigned], Impact = TicketImpact.High, Sort = TicketSortField.CreatedAt, Descending = false,
    }.ToTicketView();

    private static readonly IReadOnlyList<TicketView> Views = [.. TicketViews.BuiltIn, HighImpact];

    [Theory]
    [InlineData("/tickets?view=open")]
    [InlineData("/tickets?view=mine&sort=Subject&desc=0&page=3&size=50")]
    [InlineData("/tickets?q=printer&status=Assigned,InProgress&team=4&assignee=none")]
    [InlineData("/tickets?assignee=me&overdue=1")]
    [InlineData("/tickets?status=Completed&assignee=12")]
    [InlineData("/tickets?status=Closed&impact=Top")]
    [InlineData("/tickets?view=custom-3")]
    [InlineData("/tickets?view=custom-3&sort=Subject&page=2")]
    public void For_ParsedUrl_GivesTheSameUrlBack(string url) =>
        Assert.Equal(url, TicketListUrl.For(TicketListUrl.Parse(Base + url, me: 7, Views), me: 7, Views));

    [Fact]
    public void Parse_AdministratorsView_TakesItsFilterAndSort()
    {
        var request = TicketListUrl.Parse(Base + "/tickets?view=custom-3", me: 7, Views);

        Assert.Equal([TicketStatus.Assigned], request.Statuses);
        Assert.Equal(TicketImpact.High, request.Impact);
        Assert.Equal((TicketSortField.CreatedAt, false), (request.Sort, request.Descending));
    }

    [Fact]
    public void Parse_ViewTheReaderDoesNotSee_IsTheOpenView() =>
        Assert.Equal(TicketListFilter.Open, TicketListUrl.Parse(Base + "/tickets?view=custom-3", me: 7, TicketViews.BuiltIn).Statuses);

    [Fact]
    public void Parse_NoFilter_IsTheOpenView()
    {
        var request = TicketListUrl.Parse(Base + "/", me: null, Views);

        Assert.Equal(TicketListFilter.Open, request.Statuses);
        Assert.Equal("open", TicketListUrl.ViewOf(request, null, Views)?.Key);
    }

    [Fact]
    public void Parse_Garbage_FallsBackToDefaults()
    {
        var request = TicketListUrl.Parse(Base + "/tickets?status=Nope,Closed&team=x&page=-4&size=7&sort=drop&impact=9", me: null, Views);

        Assert.Equal([TicketStatus.Closed], request.Statuses);
        Assert.Null(request.TeamId);
        Assert.Null(request.Impact);
        Assert.Equal((0, 25, TicketSortField.UpdatedAt), (request.Page, request.PageSize, request.Sort));
    }

    [Fact]
    public void For_AssignedToTheViewer_SaysMe() =>
        Assert.Equal("/tickets?assignee=me", TicketListUrl.For(new TicketListRequest { MemberId = 7 }, me: 7, Views));
}
