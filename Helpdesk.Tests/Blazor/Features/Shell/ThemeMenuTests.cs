using Bunit;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Shell.Store;
using Helpdesk.Blazor.Flux;
using Helpdesk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Features.Shell;

public sealed class ThemeMenuTests : HelpdeskBunitContext
{
    private static string Checked(IRenderedComponent<ThemeMenu> cut) =>
        string.Join(",", cut.FindAll("[role=menuitemradio][aria-checked=true]").Select(item => item.GetAttribute("data-testid")));

    [Fact]
    public void ThemeMenu_DarkChosen_MarksItAndShowsTheDarkIconAndTheBrowserClosesTheList()
    {
        var cut = Render<ThemeMenu>();
        Assert.Equal("theme-FollowBrowser", Checked(cut));
        var lightIcon = cut.Find("[data-testid=theme-menu] svg").InnerHtml;

        cut.Find("[data-testid=theme-Dark]").Click();

        Assert.Equal(ThemeChoice.Dark, Services.GetRequiredService<IState<ThemeState>>().Value.Choice);
        Assert.Equal("theme-Dark", Checked(cut));
        Assert.NotEqual(lightIcon, cut.Find("[data-testid=theme-menu] svg").InnerHtml);
        // The browser opens the list from the button and closes it on a choice, Escape or a click elsewhere.
        Assert.Equal("theme-choices", cut.Find("[data-testid=theme-menu]").GetAttribute("popovertarget"));
        Assert.True(cut.Find("#theme-choices").HasAttribute("popover"));
        Assert.All(cut.FindAll("[role=menuitemradio]"), item =>
        {
            Assert.Equal("theme-choices", item.GetAttribute("popovertarget"));
            Assert.Equal("hide", item.GetAttribute("popovertargetaction"));
        });
    }

    [Fact]
    public void ThemeMenu_OnEveryPage_AsksNothingOfTheBrowsersScripts()
    {
        var cut = Render<ThemeMenu>();

        // MudMenu subscribed every open page to MudBlazor's key interceptor.
        Assert.Empty(cut.FindComponents<MudBlazor.MudMenu>());
        Assert.Empty(JSInterop.Invocations);

        cut.Find("[data-testid=theme-Light]").Click();
        Assert.Equal(ThemeChoice.Light, Services.GetRequiredService<IState<ThemeState>>().Value.Choice);
        Assert.DoesNotContain(JSInterop.Invocations, call => call.Identifier.StartsWith("mudKeyInterceptor", StringComparison.Ordinal));
    }
}
