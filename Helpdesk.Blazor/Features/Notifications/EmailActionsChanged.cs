namespace Helpdesk.Blazor.Features.Notifications;

/// <summary>Per circuit: raised when an administrator saved an email action, so the test-mode banner looks again.</summary>
public sealed class EmailActionsChanged
{
    public event Action? Saved;

    public void Raise() => Saved?.Invoke();
}
