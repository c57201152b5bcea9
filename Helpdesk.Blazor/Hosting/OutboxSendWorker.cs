using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Tickets.Events;
using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Hosting;

/// <summary>
/// Sends outbox mail: right after any ticket change is committed (the change may have queued mail) and otherwise every
/// poll interval, which also picks up retries. Never lets an exception stop the host.
/// </summary>
public sealed class OutboxSendWorker(OutboxSendStage stage, ITicketChangeFeed feed, IOptions<OutboundMailOptions> options, ILogger<OutboxSendWorker> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(_ =>
        {
            try { _wake.Release(); } catch (SemaphoreFullException) { /* already woken */ }
            return Task.CompletedTask;
        });
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await stage.ProcessDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox send loop failed; it will try again");
            }
            try
            {
                await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
