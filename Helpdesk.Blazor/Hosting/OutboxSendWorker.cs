using Helpdesk.Core.Mail.Outbound;
using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Hosting;

/// <summary>
/// Sends outbox mail as soon as any is committed (<see cref="OutboxWake"/>) and otherwise every poll interval, which also
/// picks up retries and claims other instances left behind. SMTP connections stay open between rounds; those idle
/// past <see cref="OutboundMailOptions.SmtpIdleTimeout"/> close after a wait, the rest when the host stops (the
/// transport is a singleton the host disposes). Never lets an exception stop the host.
/// </summary>
public sealed class OutboxSendWorker(OutboxSendStage stage, OutboxWake wake, IOptions<OutboundMailOptions> options, ILogger<OutboxSendWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full round may leave more due mail behind it: go on at once until a round finds nothing.
                while (await stage.ProcessDueAsync(stoppingToken) > 0) { }
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
                await wake.WaitAsync(options.Value.PollInterval, stoppingToken);
                await stage.CloseIdleConnectionsAsync();
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Closing idle mail server connections failed");
            }
        }
    }
}
