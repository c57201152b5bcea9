using Microsoft.AspNetCore.Components;

namespace Helpdesk.Blazor.Components.Shared;

/// <summary>
/// A component its parent hands parameters on every render (a live list's row, filters, footer) that renders again only
/// when what it shows reads differently: <see cref="Shown"/> gathers that (a tuple), and an equal one skips the render.
/// </summary>
public abstract class RendersWhenShownChanges : ComponentBase
{
    private object? _shown;
    private bool _changed;

    /// <summary>Everything the markup depends on; callbacks are left out (a parent passes the same ones).</summary>
    protected abstract object Shown { get; }

    protected override void OnParametersSet()
    {
        var shown = Shown;
        _changed = !shown.Equals(_shown);
        _shown = shown;
    }

    protected override bool ShouldRender() => _changed;
}
