using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.Correspondence;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Blazor.Features.Correspondence;

/// <summary>The administrator's global correspondence switches; edits a fresh copy and saves it whole.</summary>
public sealed partial class CorrespondenceSwitchesForm
{
    private static readonly AlertRecipient[] Recipients = Enum.GetValues<AlertRecipient>();

    private readonly FormErrors _errors = new();
    private CorrespondenceSwitches? _switches;
    private bool _saved;

    [Inject] private CorrespondenceSettings Settings { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _switches = await Settings.GetAsync();

    private static int Minutes(TimeSpan span) => (int)span.TotalMinutes;

    private static void Toggle(AlertSwitch alert, AlertRecipient recipient, bool on)
    {
        alert.Recipients.Remove(recipient);
        if (on) alert.Recipients.Add(recipient);
    }

    private async Task SaveAsync()
    {
        _saved = await _errors.RunAsync(() => Settings.SaveAsync(_switches!));
        if (_saved) _switches = await Settings.GetAsync();
    }
}
