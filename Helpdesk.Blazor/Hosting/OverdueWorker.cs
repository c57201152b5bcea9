using Helpdesk.Core.Correspondence;

namespace Helpdesk.Blazor.Hosting;

/// <summary>Every minute, marks tickets that became overdue and sends their alert (see <see cref="OverdueSweep"/>).</summary>
public sealed class OverdueWorker(OverdueSweep sweep, TimeProvider clock, ILogger<OverdueWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    var overdue = await sweep.RunAsync(stoppingToken);
                    if (overdue.Count > 0) logger.LogInformation("{Count} ticket(s) became overdue", overdue.Count);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The overdue sweep failed; it runs again in a minute");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
