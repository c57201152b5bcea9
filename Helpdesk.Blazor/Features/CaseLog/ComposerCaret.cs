using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Helpdesk.Blazor.Features.CaseLog;

/// <summary>The caret of the composer's text box (js/composer-caret.js, a module: the CSP forbids inline script).</summary>
public sealed class ComposerCaret(IJSRuntime js)
{
    private IJSObjectReference? _module;

    /// <returns>The caret's offset in the text, or null when the browser cannot tell (then text goes at the end).</returns>
    public async Task<int?> GetAsync(ElementReference container)
    {
        var position = await (await ModuleAsync()).InvokeAsync<int>("caret", container);
        return position < 0 ? null : position;
    }

    public async Task PlaceAsync(ElementReference container, int position) =>
        await (await ModuleAsync()).InvokeVoidAsync("placeCaret", container, position);

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/composer-caret.js");
}
