namespace Helpdesk.Blazor.Features.Tickets.Views;

/// <summary>Singleton: raised when an administrator changed the views, so every agent's navigation loads its views again.</summary>
public sealed class TicketViewsChanged
{
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();
}
