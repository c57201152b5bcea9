using Helpdesk.Blazor.Features.Tickets.Live;

namespace Helpdesk.Tests.Blazor.Features.Tickets.Live;

public sealed class TicketListBrowserPaceTests
{
    [Fact]
    public void Behind_OnlyWithMoreRendersUnshownThanAllowed_AndCaughtUpOnceTheBrowserShowsThem()
    {
        var pace = new TicketListBrowserPace();
        for (var i = 0; i < TicketListBrowserPace.MostUnshown; i++) pace.Rendering();
        Assert.False(pace.Behind);

        pace.Rendering();
        Assert.True(pace.Behind);

        pace.Shown();
        Assert.False(pace.Behind);
    }

    [Fact]
    public void Shown_MoreOftenThanRendered_NeverLetsTheCountGoBelowNothing()
    {
        var pace = new TicketListBrowserPace();
        pace.Shown();
        pace.Shown();

        for (var i = 0; i <= TicketListBrowserPace.MostUnshown; i++) pace.Rendering();

        Assert.True(pace.Behind);
    }
}
