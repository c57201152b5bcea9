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
    public void ThemeMenu_DarkChosen_MarksItSavesItInTheBrowserAndTheBrowserClosesTheList()
    {
        var theme = JSInterop.SetupModule("./js/theme.js");
        var cut = Render<ThemeMenu>();
        Assert.Equal("theme-FollowBrowser", Checked(cut));

        cut.Find("[data-testid=theme-Dark]").Click();

        Assert.Equal(ThemeChoice.Dark, Services.GetRequiredService<IState<ThemeState>>().Value.Choice);
        Assert.Equal("theme-Dark", Checked(cut));
        var chosen = Assert.Single(theme.Invocations, call => call.Identifier == "choose");
        Assert.Equal([ThemeCookie.Name, "Dark", ThemeCookie.DarkClass], chosen.Arguments.Take(3));
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
    public void ThemeMenu_FollowBrowserChosen_SavesItWithoutAClassSoTheBrowsersPreferenceDecides()
    {
        var theme = JSInterop.SetupModule("./js/theme.js");
        Services.GetRequiredService<IDispatcher>().Dispatch(new ThemeLoadedAction(ThemeChoice.Light));
        var cut = Render<ThemeMenu>();
        Assert.Equal("theme-Light", Checked(cut));

        cut.Find("[data-testid=theme-FollowBrowser]").Click();

        var chosen = Assert.Single(theme.Invocations, call => call.Identifier == "choose");
        Assert.Equal([ThemeCookie.Name, "FollowBrowser", null], chosen.Arguments.Take(3));
    }

    [Fact]
    public void ThemeMenu_OnEveryPage_AsksNothingOfTheBrowsersScriptsAndShowsBothIconsForCss()
    {
        var cut = Render<ThemeMenu>();

        // MudMenu subscribed every open page to MudBlazor's key interceptor; the icon followed the browser's preference
        // through a JavaScript subscription.
        Assert.Empty(cut.FindComponents<MudBlazor.MudMenu>());
        Assert.Empty(JSInterop.Invocations);
        Assert.Single(cut.FindAll("[data-testid=theme-menu] svg.hd-theme-icon-light"));
        Assert.Single(cut.FindAll("[data-testid=theme-menu] svg.hd-theme-icon-dark"));
    }
}
