using Bunit;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Shell.Store;
using Helpdesk.Blazor.Flux;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Features.Shell;

/// <summary>A choice the console kept in the browser's local storage before the theme cookie moves into the cookie.</summary>
public sealed class ThemeHostTests : HelpdeskBunitContext
{
    private const string OldKey = "helpdesk.theme";

    public ThemeHostTests()
    {
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddScoped<ProtectedLocalStorage>();
    }

    private ThemeState State => Services.GetRequiredService<IState<ThemeState>>().Value;

    [Fact]
    public async Task ThemeHost_NoCookieButAChoiceInLocalStorage_SavesItInTheCookieAndForgetsTheOldOne()
    {
        // Stored the way the console stored it: through ProtectedLocalStorage.
        var set = JSInterop.SetupVoid("localStorage.setItem", _ => true);
        set.SetVoidResult();
        await Services.GetRequiredService<ProtectedLocalStorage>().SetAsync(OldKey, "Dark");
        JSInterop.Setup<string?>("localStorage.getItem", OldKey).SetResult((string?)set.Invocations.Single().Arguments[1]);
        var removed = JSInterop.SetupVoid("localStorage.removeItem", OldKey);
        removed.SetVoidResult();
        var theme = JSInterop.SetupModule("./js/theme.js");

        var cut = Render<ThemeHost>();

        cut.WaitForAssertion(() => Assert.Single(theme.Invocations, call => call.Identifier == "choose"));
        Assert.Equal([ThemeCookie.Name, "Dark", ThemeCookie.DarkClass], theme.Invocations.Single().Arguments.Take(3));
        Assert.Equal((ThemeChoice.Dark, true), (State.Choice, State.Saved));
        Assert.Single(removed.Invocations);
    }

    [Fact]
    public void ThemeHost_NoCookieAndNothingStored_SavesFollowTheBrowser_SoLaterPagesAskNothing()
    {
        var theme = JSInterop.SetupModule("./js/theme.js");

        var cut = Render<ThemeHost>();

        cut.WaitForAssertion(() => Assert.Single(theme.Invocations, call => call.Identifier == "choose"));
        Assert.Equal([ThemeCookie.Name, "FollowBrowser", null], theme.Invocations.Single().Arguments.Take(3));
        Assert.True(State.Saved);
    }

    [Fact]
    public void ThemeHost_PageCarriedTheCookie_AsksTheBrowserNothing()
    {
        Services.GetRequiredService<IDispatcher>().Dispatch(new ThemeLoadedAction(ThemeChoice.FollowBrowser));

        Render<ThemeHost>();

        Assert.Empty(JSInterop.Invocations);
        Assert.Equal((ThemeChoice.FollowBrowser, true), (State.Choice, State.Saved));
    }
}
