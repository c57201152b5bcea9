using Bunit;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class TicketListFooterTests : HelpdeskBunitContext
{
    [Fact]
    public void TicketListFooter_CompactSwitchedOffAndOn_TellsThePageAndShowsTheSwitchsState()
    {
        var dense = new List<bool>();
        var cut = Render<TicketListFooter>(p => p.Add(f => f.TotalCount, 40).Add(f => f.PageSize, 25).Add(f => f.Dense, true)
            .Add(f => f.DenseChanged, value => dense.Add(value)));
        var density = () => cut.Find("[data-testid=density]");
        Assert.True(density().HasAttribute("checked"));
        Assert.Equal("true", density().GetAttribute("aria-checked"));
        Assert.Contains("mud-checked", cut.Find(".mud-switch-base").ClassName);

        density().Change(false);
        Assert.Equal([false], dense);
        cut.Render(p => p.Add(f => f.Dense, false));
        Assert.False(density().HasAttribute("checked"));
        Assert.Equal("false", density().GetAttribute("aria-checked"));
        Assert.DoesNotContain("mud-checked", cut.Find(".mud-switch-base").ClassName);

        density().Change(true);
        Assert.Equal([false, true], dense);
        // MudSwitch's markup without the component, which subscribed every open list to MudBlazor's key interceptor.
        Assert.Empty(cut.FindComponents<MudBlazor.MudSwitch<bool>>());
        Assert.DoesNotContain(JSInterop.Invocations, call => call.Identifier.StartsWith("mudKeyInterceptor", StringComparison.Ordinal));
    }
}
