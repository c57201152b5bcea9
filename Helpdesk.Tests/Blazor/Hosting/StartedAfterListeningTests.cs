using Helpdesk.Blazor.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Tests.Blazor.Hosting;

public sealed class StartedAfterListeningTests
{
    [Fact]
    public async Task AddWorkerAfterListening_HostStarts_WorkerRunsOnlyAfterTheAppStartedAndStopsWithIt()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddWorkerAfterListening<RecordingWorker>();
        using var host = builder.Build();
        var worker = host.Services.GetRequiredService<RecordingWorker>();

        await host.StartAsync();
        var startedFirst = await worker.Ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.True(startedFirst);
        Assert.True(worker.Stopped);
    }

    private sealed class RecordingWorker(IHostApplicationLifetime lifetime) : BackgroundService
    {
        public TaskCompletionSource<bool> Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Stopped { get; private set; }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            Ran.SetResult(lifetime.ApplicationStarted.IsCancellationRequested);
            try
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                Stopped = true;
            }
        }
    }
}
