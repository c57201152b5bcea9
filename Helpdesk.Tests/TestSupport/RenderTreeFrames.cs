#pragma warning disable BL0006 // the render tree's frames are what a circuit keeps; this counts them
using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Components.RenderTree;

namespace Helpdesk.Tests.TestSupport;

/// <summary>
/// A rendered component's current render tree as the renderer keeps it: each component holds two frame buffers (this
/// render's and the last), grown in powers of two and never shrunk, for as long as a circuit shows it.
/// </summary>
public static class RenderTreeFrames
{
    private static readonly MethodInfo CurrentFrames =
        typeof(Renderer).GetMethod("GetCurrentRenderTreeFrames", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Renderer.GetCurrentRenderTreeFrames is gone; count the frames another way.");

    /// <returns>How many frames the component's last render wrote.</returns>
    public static int Count<T>(BunitContext context, IRenderedComponent<T> component) where T : Microsoft.AspNetCore.Components.IComponent =>
        Of(context, component).Count();

    /// <returns>The markup blocks of the component's last render, as the renderer keeps them.</returns>
    public static IReadOnlyList<string> Markup<T>(BunitContext context, IRenderedComponent<T> component) where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. Of(context, component).Where(f => f.FrameType == RenderTreeFrameType.Markup).Select(f => f.MarkupContent)];

    /// <returns>
    /// The component's event handlers and the attribute each keeps in step with the browser ("value" for a bound input):
    /// an event carries the field's value, and the renderer writes it into the attribute before the handler runs.
    /// </returns>
    public static IReadOnlyList<(string Event, string? Updates)> EventHandlers<T>(BunitContext context, IRenderedComponent<T> component)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. Of(context, component).Where(f => f.FrameType == RenderTreeFrameType.Attribute && f.AttributeEventHandlerId != 0)
            .Select(f => (f.AttributeName, (string?)f.AttributeEventUpdatesAttributeName))];

    /// <summary>The frames of the component's last render.</summary>
    private static IEnumerable<RenderTreeFrame> Of<T>(BunitContext context, IRenderedComponent<T> component) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var frames = (ArrayRange<RenderTreeFrame>)CurrentFrames.Invoke(context.Renderer, [component.ComponentId])!;
        return frames.Array.Take(frames.Count);
    }
}
