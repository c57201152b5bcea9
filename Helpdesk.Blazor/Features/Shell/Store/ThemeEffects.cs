using Helpdesk.Blazor.Flux;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace Helpdesk.Blazor.Features.Shell.Store;

public sealed class ThemeEffects(ProtectedLocalStorage storage)
{
    public const string StorageKey = "helpdesk.theme";

    /// <summary>The choice is the browser's (kept in its local storage), like the browser's own dark-mode preference.</summary>
    [EffectMethod]
    public async Task HandleChooseThemeAction(ChooseThemeAction action, IDispatcher dispatcher) =>
        await storage.SetAsync(StorageKey, action.Choice.ToString());
}
