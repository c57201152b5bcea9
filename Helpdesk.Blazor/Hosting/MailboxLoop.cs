using Helpdesk.Core.Mail.Inbound;

namespace Helpdesk.Blazor.Hosting;

/// <summary>A running per-mailbox loop with its own cancellation, linked to the host's.</summary>
internal sealed class MailboxLoop
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;

    private MailboxLoop(MailboxOptions mailbox, CancellationTokenSource stop, Task running)
    {
        Mailbox = mailbox;
        _stop = stop;
        _running = running;
    }

    public MailboxOptions Mailbox { get; }

    public static MailboxLoop Start(MailboxOptions mailbox, Func<CancellationToken, Task> run, CancellationToken stoppingToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        return new(mailbox, stop, Task.Run(() => run(stop.Token), CancellationToken.None));
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        // The loop logs its own failures; stopping must not fail because of one.
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
