using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Leases;

namespace Helpdesk.Blazor.Hosting;

/// <summary>Every minute, marks tickets that became overdue and sends their alert (see <see cref="OverdueSweep"/>).</summary>
public sealed class OverdueWorker(OverdueSweep sweep, IWorkLeases leases, TimeProvider clock, ILogger<OverdueWorker> logger) : BackgroundService
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
                    // With several instances on one database, one of them runs it per interval.
                    await leases.RunOnceAsync("overdue", Interval, async ct =>
                    {
                        var overdue = await sweep.RunAsync(ct);
                        if (overdue.Count > 0) logger.LogInformation("{Count} ticket(s) became overdue", overdue.Count);
                    }, stoppingToken);
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
