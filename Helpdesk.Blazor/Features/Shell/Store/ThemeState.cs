using Helpdesk.Blazor.Flux;

namespace Helpdesk.Blazor.Features.Shell.Store;

public enum ThemeChoice
{
    FollowBrowser,
    Light,
    Dark,
}

/// <summary>
/// The agent's colour theme, for the theme menu. Which palette a page shows is the browser's business (theme.css): the
/// server never needs to know whether the browser prefers dark.
/// </summary>
[FeatureState]
public sealed record ThemeState
{
    public ThemeChoice Choice { get; init; } = ThemeChoice.FollowBrowser;

    /// <summary>The browser keeps the choice in its theme cookie (read with the page, or set since).</summary>
    public bool Saved { get; init; }
}
