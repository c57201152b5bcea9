using Helpdesk.Blazor.Flux;

namespace Helpdesk.Blazor.Features.Shell.Store;

public enum ThemeChoice
{
    FollowBrowser,
    Light,
    Dark,
}

[FeatureState]
public sealed record ThemeState
{
    public ThemeChoice Choice { get; init; } = ThemeChoice.FollowBrowser;
    public bool BrowserPrefersDark { get; init; }

    /// <summary>The agent chose in this circuit, so the saved choice read at start (possibly later) no longer applies.</summary>
    public bool ChosenHere { get; init; }

    public bool IsDark => Choice == ThemeChoice.Dark || (Choice == ThemeChoice.FollowBrowser && BrowserPrefersDark);
}
