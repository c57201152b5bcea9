using Helpdesk.Blazor.Features.CaseLog.Timeline;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Helpdesk.Blazor.Features.CaseLog;

public sealed partial class TicketTimeline
{
    private TimelineOptions _options = new();
    private TimelinePreferences? _preferences;

    [Parameter, EditorRequired] public TicketDetails Ticket { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _preferences = new TimelinePreferences(JS);
        if (await _preferences.LoadAsync() is { } saved && saved != _options)
        {
            _options = saved;
            StateHasChanged();
        }
    }

    private async Task ChangeAsync(TimelineOptions options)
    {
        _options = options;
        if (_preferences is not null) await _preferences.SaveAsync(options);
    }
}
