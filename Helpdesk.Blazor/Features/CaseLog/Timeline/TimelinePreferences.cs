using System.Text.Json;
using Microsoft.JSInterop;

namespace Helpdesk.Blazor.Features.CaseLog.Timeline;

/// <summary>The agent's timeline choices, remembered in this browser.</summary>
public sealed class TimelinePreferences(IJSRuntime js)
{
    private IJSObjectReference? _module;

    public async Task<TimelineOptions?> LoadAsync()
    {
        var json = await (await ModuleAsync()).InvokeAsync<string?>("load");
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<TimelineOptions>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task SaveAsync(TimelineOptions options) =>
        await (await ModuleAsync()).InvokeVoidAsync("save", JsonSerializer.Serialize(options));

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/timeline-preferences.js");
}
