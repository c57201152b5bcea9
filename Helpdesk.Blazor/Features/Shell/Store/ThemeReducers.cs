using Helpdesk.Blazor.Flux;

namespace Helpdesk.Blazor.Features.Shell.Store;

public static class ThemeReducers
{
    [ReducerMethod]
    public static ThemeState ReduceThemeLoadedAction(ThemeState state, ThemeLoadedAction action) =>
        state.Saved ? state : state with { Choice = action.Saved ?? ThemeChoice.FollowBrowser, Saved = action.Saved is not null };

    [ReducerMethod]
    public static ThemeState ReduceChooseThemeAction(ThemeState state, ChooseThemeAction action) => state with { Choice = action.Choice, Saved = true };
}
