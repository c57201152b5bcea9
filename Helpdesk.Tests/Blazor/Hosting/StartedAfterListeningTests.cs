using Helpdesk.Blazor.Hosting;
using Helpdesk.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Tests.Blazor.Hosting;

public sealed class StartedAfterListeningTests
{
    [Fact]
    public async Task AddWorkerAfterListening_HostStarts_WorkerRunsOnlyAfterTheAppStartedAndStopsWithIt()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<HelpdeskOptions>(o => o.WorkersStartDelay = TimeSpan.Zero);
        builder.Services.AddWorkerAfterListening<RecordingWorker>();
        using var host = builder.Build();
        var worker = host.Services.GetRequiredService<RecordingWorker>();

        await host.StartAsync();
        var startedFirst = await worker.Ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.True(startedFirst);
        Assert.True(worker.Stopped);
    }

    [Fact]
    public async Task AddWorkerAfterListening_StartDelay_WorkerRunsOnlyOnceTheDelayHasPassed()
    {
        var clock = new FakeTimeProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.Configure<HelpdeskOptions>(o => o.WorkersStartDelay = TimeSpan.FromSeconds(2));
        builder.Services.AddWorkerAfterListening<RecordingWorker>();
        using var host = builder.Build();
        var worker = host.Services.GetRequiredService<RecordingWorker>();
        var started = clock.GetUtcNow();

        await host.StartAsync();
        while (!worker.Ran.Task.IsCompleted && clock.GetUtcNow() - started < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(20);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }
        await host.StopAsync();

        Assert.True(worker.Ran.Task.IsCompleted);
        Assert.True(clock.GetUtcNow() - started >= TimeSpan.FromSeconds(2), $"ran after {clock.GetUtcNow() - started}");
    }

    [Fact]
    public async Task AddWorkerAfterListening_StoppedDuringTheDelay_WorkerNeverRuns()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<HelpdeskOptions>(o => o.WorkersStartDelay = TimeSpan.FromMinutes(5));
        builder.Services.AddWorkerAfterListening<RecordingWorker>();
        using var host = builder.Build();
        var worker = host.Services.GetRequiredService<RecordingWorker>();

        await host.StartAsync();
        await host.StopAsync();
        await Task.Delay(100);

        Assert.False(worker.Ran.Task.IsCompleted);
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
