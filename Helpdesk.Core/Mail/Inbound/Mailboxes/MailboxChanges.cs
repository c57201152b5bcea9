using Helpdesk.Core.SharedState;

namespace Helpdesk.Core.Mail.Inbound.Mailboxes;

/// <summary>Tells the inbound worker that saved mailboxes changed (on any instance), so it need not wait for the next poll.</summary>
public sealed class MailboxChanges
{
    private readonly SemaphoreSlim _changed = new(0, 1);

    public MailboxChanges(SettingsChanges settings) => settings.Changed += setting =>
    {
        if (SettingsChanges.Concerns(setting, SettingsChanges.Mailboxes)) Notify();
    };

    public void Notify()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A change is already pending; one wake-up covers both.
        }
    }

    /// <returns>True when a change was signalled, false when <paramref name="timeout"/> passed first.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _changed.WaitAsync(timeout, ct);
}
