using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Helpdesk.Blazor.Components.Shared;

/// <summary>
/// MudCheckBox's markup without its component, for the ticket list's rows and its "select all": MudCheckBox keeps render
/// buffers of its own and subscribes the page to MudBlazor's key interceptor (a JavaScript round trip and serializer
/// metadata for every open page). Both of its icons are one static block; the browser's <c>:checked</c> shows one
/// (<c>.hd-row-check</c> in helpdesk.css), so only the input changes.
/// </summary>
public static class PlainCheckBox
{
    private const string Icons =
        """<svg class="mud-icon-root mud-svg-icon mud-icon-size-medium" focusable="false" viewBox="0 0 24 24" aria-hidden="true" role="img">""" +
        """<path d="M0 0h24v24H0z" fill="none" />""" +
        """<path class="hd-box-empty" d="M19 5v14H5V5h14m0-2H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2z" />""" +
        """<path class="hd-box-checked" d="M19 3H5c-1.11 0-2 .9-2 2v14c0 1.1.89 2 2 2h14c1.11 0 2-.9 2-2V5c0-1.1-.89-2-2-2zm-9 14l-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8l-9 9z" />""" +
        "</svg>";

    /// <param name="receiver">The component that renders again after the change, as for its own <c>@onchange</c>.</param>
    /// <param name="changed">Called with the box's new state when the user ticks or clears it.</param>
    public static RenderFragment For(IHandleEvent receiver, bool isChecked, string ariaLabel, Func<bool, Task> changed) => builder =>
        Build(builder, isChecked, ariaLabel, EventCallback.Factory.Create<ChangeEventArgs>(receiver, e => changed(e.Value is true)));

    private static void Build(RenderTreeBuilder builder, bool isChecked, string ariaLabel, EventCallback<ChangeEventArgs> changed)
    {
        builder.OpenElement(0, "label");
        builder.AddAttribute(1, "class", "mud-checkbox mud-table-cell-checkbox hd-row-check");
        builder.OpenElement(2, "span");
        builder.AddAttribute(3, "class", "mud-button-root mud-icon-button mud-default-text hover:mud-default-hover mud-ripple mud-ripple-checkbox");
        builder.OpenElement(4, "input");
        builder.AddAttribute(5, "type", "checkbox");
        builder.AddAttribute(6, "class", "mud-checkbox-input");
        builder.AddAttribute(7, "checked", isChecked);
        builder.AddAttribute(8, "aria-label", ariaLabel);
        builder.AddAttribute(9, "onchange", changed);
        builder.CloseElement();
        builder.AddMarkupContent(10, Icons);
        builder.CloseElement();
        builder.CloseElement();
    }
}
