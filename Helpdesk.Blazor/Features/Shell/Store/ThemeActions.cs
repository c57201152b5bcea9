namespace Helpdesk.Blazor.Features.Shell.Store;

/// <summary>The page opened: the choice its request's theme cookie carried, if any (<see cref="ThemeCookie"/>).</summary>
public sealed record ThemeLoadedAction(ThemeChoice? Saved);

public sealed record ChooseThemeAction(ThemeChoice Choice);
