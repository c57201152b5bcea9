using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Hosting;

/// <summary>
/// Starts a worker Helpdesk:WorkersStartDelay after the app is listening. A worker's first round compiles its queries
/// and SQLite's "async" calls run synchronously: started at once, the workers' first rounds took both cores and every
/// thread-pool thread while the first request after a start (/health, the login page) waited for one (cold start).
/// A worker's writes are a batch writer's (<see cref="WriteTurns.AsBatchWriter"/>): on SQLite, they never ask the inbound
/// batches to let them go first, as a person's save does.
/// </summary>
public sealed class StartedAfterListening<TWorker>(TWorker worker, IHostApplicationLifetime lifetime, IOptions<HelpdeskOptions> options, TimeProvider clock)
    : IHostedService
    where TWorker : class, IHostedService
{
    private CancellationTokenRegistration _started;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => StartAfterDelayAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    private async Task StartAfterDelayAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(options.Value.WorkersStartDelay, clock, stopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        // The worker's loop starts inside StartAsync and keeps this flow's batch-writer mark.
        using var batchWriter = WriteTurns.AsBatchWriter();
        await worker.StartAsync(stopping);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _started.DisposeAsync();
        await worker.StopAsync(cancellationToken);
    }
}

public static class StartedAfterListeningServiceCollectionExtensions
{
    /// <summary>Needs the clock (<see cref="TimeProvider"/>) and <see cref="HelpdeskOptions"/> that the Core registers.</summary>
    public static IServiceCollection AddWorkerAfterListening<TWorker>(this IServiceCollection services) where TWorker : class, IHostedService =>
        services.AddSingleton<TWorker>().AddHostedService<StartedAfterListening<TWorker>>();
}
