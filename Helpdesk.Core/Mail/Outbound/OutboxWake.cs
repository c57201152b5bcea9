namespace Helpdesk.Core.Mail.Outbound;

/// <summary>
/// Wakes the send worker as soon as mail is committed to the outbox (see <see cref="OutboxWakeInterceptor"/>), so no mail
/// waits for the poll interval, whoever wrote it: a ticket change, a system alert, an inbound notice, a resend.
/// </summary>
public sealed class OutboxWake
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already woken: one round sends everything that is due */ }
    }

    /// <returns>True when woken by new mail, false when the timeout passed.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
