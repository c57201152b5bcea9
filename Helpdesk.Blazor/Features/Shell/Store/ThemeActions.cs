namespace Helpdesk.Blazor.Features.Shell.Store;

/// <summary>The circuit started: the agent's saved choice (if any) and what the browser prefers.</summary>
public sealed record ThemeLoadedAction(ThemeChoice Choice, bool BrowserPrefersDark);

public sealed record ChooseThemeAction(ThemeChoice Choice);

public sealed record BrowserDarkModeChangedAction(bool PrefersDark);
