using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class TicketListUrlTests
{
    private const string Base = "http://localhost";

    [Theory]
    [InlineData("/tickets?view=open")]
    [InlineData("/tickets?view=mine&sort=Subject&desc=0&page=3&size=50")]
    [InlineData("/tickets?q=printer&status=Assigned,InProgress&team=4&assignee=none")]
    [InlineData("/tickets?assignee=me&overdue=1")]
    [InlineData("/tickets?status=Completed&assignee=12")]
    public void For_ParsedUrl_GivesTheSameUrlBack(string url) =>
        Assert.Equal(url, TicketListUrl.For(TicketListUrl.Parse(Base + url, me: 7), me: 7));

    [Fact]
    public void Parse_NoFilter_IsTheOpenView()
    {
        var request = TicketListUrl.Parse(Base + "/", me: null);

        Assert.Equal(TicketListFilter.Open, request.Statuses);
        Assert.Equal("open", TicketListUrl.ViewOf(request, null)?.Key);
    }

    [Fact]
    public void Parse_Garbage_FallsBackToDefaults()
    {
        var request = TicketListUrl.Parse(Base + "/tickets?status=Nope,Closed&team=x&page=-4&size=7&sort=drop", me: null);

        Assert.Equal([TicketStatus.Closed], request.Statuses);
        Assert.Null(request.TeamId);
        Assert.Equal((0, 25, TicketSortField.UpdatedAt), (request.Page, request.PageSize, request.Sort));
    }

    [Fact]
    public void For_AssignedToTheViewer_SaysMe() =>
        Assert.Equal("/tickets?assignee=me", TicketListUrl.For(new TicketListRequest { MemberId = 7 }, me: 7));
}
