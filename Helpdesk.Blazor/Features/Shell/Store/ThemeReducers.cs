using Helpdesk.Blazor.Flux;

namespace Helpdesk.Blazor.Features.Shell.Store;

public static class ThemeReducers
{
    [ReducerMethod]
    public static ThemeState ReduceThemeLoadedAction(ThemeState state, ThemeLoadedAction action) =>
        state with { Choice = state.ChosenHere ? state.Choice : action.Choice, BrowserPrefersDark = action.BrowserPrefersDark };

    [ReducerMethod]
    public static ThemeState ReduceChooseThemeAction(ThemeState state, ChooseThemeAction action) => state with { Choice = action.Choice, ChosenHere = true };

    [ReducerMethod]
    public static ThemeState ReduceBrowserDarkModeChangedAction(ThemeState state, BrowserDarkModeChangedAction action) =>
        state with { BrowserPrefersDark = action.PrefersDark };
}
