using Helpdesk.Core.SharedState;

namespace Helpdesk.Blazor.Features.Tickets.Views;

/// <summary>Singleton: raised when an administrator changed the views (on any instance), so every agent's navigation loads its views again.</summary>
public sealed class TicketViewsChanged
{
    public TicketViewsChanged(SettingsChanges settings) => settings.Changed += setting =>
    {
        if (SettingsChanges.Concerns(setting, SettingsChanges.TicketViews)) Changed?.Invoke();
    };

    public event Action? Changed;
}
