namespace Helpdesk.Blazor.Hosting;

/// <summary>
/// Starts a worker once the app is listening. SQLite's "async" calls run synchronously, so a worker's first round
/// would otherwise run inside the host's start and hold back the first page (cold start).
/// </summary>
public sealed class StartedAfterListening<TWorker>(TWorker worker, IHostApplicationLifetime lifetime) : IHostedService
    where TWorker : class, IHostedService
{
    private CancellationTokenRegistration _started;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => worker.StartAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _started.DisposeAsync();
        await worker.StopAsync(cancellationToken);
    }
}

public static class StartedAfterListeningServiceCollectionExtensions
{
    public static IServiceCollection AddWorkerAfterListening<TWorker>(this IServiceCollection services) where TWorker : class, IHostedService =>
        services.AddSingleton<TWorker>().AddHostedService<StartedAfterListening<TWorker>>();
}
