using Helpdesk.Blazor.Features.Shell.Store;

namespace Helpdesk.Tests.Blazor.Features.Shell;

public sealed class ThemeReducersTests
{
    [Fact]
    public void ReduceThemeLoadedAction_CookieSaysDark_IsDarkAndSaved()
    {
        var state = ThemeReducers.ReduceThemeLoadedAction(new ThemeState(), new ThemeLoadedAction(ThemeChoice.Dark));

        Assert.Equal(ThemeChoice.Dark, state.Choice);
        Assert.True(state.Saved);
    }

    [Fact]
    public void ReduceThemeLoadedAction_NoCookie_FollowsTheBrowserNotSaved()
    {
        var state = ThemeReducers.ReduceThemeLoadedAction(new ThemeState { Choice = ThemeChoice.Light }, new ThemeLoadedAction(null));

        Assert.Equal(ThemeChoice.FollowBrowser, state.Choice);
        Assert.False(state.Saved);
    }

    [Fact]
    public void ReduceThemeLoadedAction_AfterAChoiceInThisCircuit_KeepsTheChoice()
    {
        var chosen = ThemeReducers.ReduceChooseThemeAction(new ThemeState(), new ChooseThemeAction(ThemeChoice.Dark));

        var loaded = ThemeReducers.ReduceThemeLoadedAction(chosen, new ThemeLoadedAction(ThemeChoice.Light));

        Assert.Equal(ThemeChoice.Dark, loaded.Choice);
        Assert.True(loaded.Saved);
    }
}
