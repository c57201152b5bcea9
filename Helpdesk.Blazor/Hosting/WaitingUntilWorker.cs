using Helpdesk.Core.Leases;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Blazor.Hosting;

/// <summary>Every minute, sets requests whose waiting time has passed back to Assigned (see <see cref="WaitingUntilSweep"/>).</summary>
public sealed class WaitingUntilWorker(WaitingUntilSweep sweep, IWorkLeases leases, TimeProvider clock, ILogger<WaitingUntilWorker> logger) : BackgroundService
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
                    await leases.RunOnceAsync("waiting-until", Interval, async ct =>
                    {
                        var resumed = await sweep.RunAsync(ct);
                        if (resumed.Count > 0) logger.LogInformation("{Count} waiting ticket(s) went back to Assigned", resumed.Count);
                    }, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The waiting-until sweep failed; it runs again in a minute");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
