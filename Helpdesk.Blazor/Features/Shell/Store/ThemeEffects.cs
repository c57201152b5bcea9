using Helpdesk.Blazor.Flux;
using Microsoft.JSInterop;

namespace Helpdesk.Blazor.Features.Shell.Store;

public sealed class ThemeEffects(IJSRuntime js)
{
    /// <summary>The browser keeps the choice (<see cref="ThemeCookie"/>) and the page shows it at once.</summary>
    [EffectMethod]
    public async Task HandleChooseThemeAction(ChooseThemeAction action, IDispatcher dispatcher)
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/theme.js");
        await module.InvokeVoidAsync("choose", ThemeCookie.Name, action.Choice.ToString(), ThemeCookie.HtmlClass(action.Choice),
            new[] { ThemeCookie.LightClass, ThemeCookie.DarkClass });
    }
}
