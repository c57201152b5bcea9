using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Helpdesk.Blazor.Features.Shell;

/// <summary>
/// Listens in the browser for the given single keys (wwwroot js/keyboard-shortcuts.js, a module: the CSP forbids inline
/// script) and raises <see cref="Pressed"/> on the circuit. Dispose stops listening.
/// </summary>
public sealed class KeyboardShortcutListener(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private IJSObjectReference? _listening;
    private DotNetObjectReference<KeyboardShortcutListener>? _self;

    public event Func<string, Task>? Pressed;

    public async Task StartAsync(string modulePath, params string[] keys)
    {
        _module = await js.InvokeAsync<IJSObjectReference>("import", "/" + modulePath.TrimStart('/'));
        _self = DotNetObjectReference.Create(this);
        _listening = await _module.InvokeAsync<IJSObjectReference>("listen", keys, _self);
    }

    [JSInvokable]
    public Task OnShortcut(string key) => Pressed?.Invoke(key) ?? Task.CompletedTask;

    public async Task FocusAsync(string selector)
    {
        if (_module is not null) await _module.InvokeVoidAsync("focus", selector);
    }

    public async Task ScrollIntoViewAsync(string selector)
    {
        if (_module is not null) await _module.InvokeVoidAsync("scrollIntoView", selector);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_listening is not null) await _listening.InvokeVoidAsync("dispose");
            if (_listening is not null) await _listening.DisposeAsync();
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the page with it; nothing left to unhook.
        }
        _self?.Dispose();
    }
}
