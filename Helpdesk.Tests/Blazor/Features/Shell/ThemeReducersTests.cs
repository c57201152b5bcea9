using Helpdesk.Blazor.Features.Shell.Store;

namespace Helpdesk.Tests.Blazor.Features.Shell;

public sealed class ThemeReducersTests
{
    [Fact]
    public void ReduceThemeLoadedAction_FollowBrowserAndBrowserPrefersDark_IsDark() =>
        Assert.True(ThemeReducers.ReduceThemeLoadedAction(new ThemeState(), new ThemeLoadedAction(ThemeChoice.FollowBrowser, true)).IsDark);

    [Fact]
    public void ReduceThemeLoadedAction_SavedLightAndBrowserPrefersDark_IsLight() =>
        Assert.False(ThemeReducers.ReduceThemeLoadedAction(new ThemeState(), new ThemeLoadedAction(ThemeChoice.Light, true)).IsDark);

    [Fact]
    public void ReduceThemeLoadedAction_AfterAChoiceInThisCircuit_KeepsTheChoice()
    {
        var chosen = ThemeReducers.ReduceChooseThemeAction(new ThemeState(), new ChooseThemeAction(ThemeChoice.Dark));

        var loaded = ThemeReducers.ReduceThemeLoadedAction(chosen, new ThemeLoadedAction(ThemeChoice.FollowBrowser, false));

        Assert.Equal(ThemeChoice.Dark, loaded.Choice);
        Assert.True(loaded.IsDark);
    }

    [Fact]
    public void ReduceBrowserDarkModeChangedAction_FollowingTheBrowser_Switches()
    {
        var state = ThemeReducers.ReduceBrowserDarkModeChangedAction(new ThemeState(), new BrowserDarkModeChangedAction(true));

        Assert.True(state.IsDark);
        Assert.False(ThemeReducers.ReduceChooseThemeAction(state, new ChooseThemeAction(ThemeChoice.Light)).IsDark);
    }
}
