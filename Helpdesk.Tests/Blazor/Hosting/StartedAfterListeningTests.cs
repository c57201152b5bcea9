using Helpdesk.Blazor.Hosting;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Tests.Blazor.Hosting;

public sealed class StartedAfterListeningTests
{
    [Fact]
    public async Task AddWorkerAfterListening_HostStarts_WorkerRunsOnlyAfterTheAppStartedAndStopsWithIt()
    {
        using var host = BuildHost(TimeProvider.System, TimeSpan.Zero);
        var worker = host.Services.GetRequiredService<RecordingWorker>();

        await host.StartAsync();
        var startedFirst = await worker.Ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.True(startedFirst);
        Assert.True(worker.Stopped);
    }

    [Fact]
    public async Task AddWorkerAfterListening_WorkersLoop_WritesAsABatchWriter_TheHostsFlowDoesNot()
    {
        using var host = BuildHost(TimeProvider.System, TimeSpan.Zero);
        var worker = host.Services.GetRequiredService<RecordingWorker>();

        await host.StartAsync();
        await worker.Ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var asBatchWriter = await worker.LoopWritesAsBatchWriter.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.True(asBatchWriter);
        Assert.False(WriteTurns.IsBatchWriter);
    }

    [Fact]
    public async Task AddWorkerAfterListening_StartDelay_WorkerRunsOnlyOnceTheDelayHasPassed()
    {
        var clock = new FakeTimeProvider();
        using var host = BuildHost(clock, TimeSpan.FromSeconds(2));
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
        using var host = BuildHost(TimeProvider.System, TimeSpan.FromMinutes(5));
        var worker = host.Services.GetRequiredService<RecordingWorker>();

        await host.StartAsync();
        await host.StopAsync();
        await Task.Delay(100);

        Assert.False(worker.Ran.Task.IsCompleted);
    }

    private static IHost BuildHost(TimeProvider clock, TimeSpan startDelay)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(clock);
        builder.Services.Configure<HelpdeskOptions>(o => o.WorkersStartDelay = startDelay);
        builder.Services.AddWorkerAfterListening<RecordingWorker>();
        return builder.Build();
    }

    private sealed class RecordingWorker(IHostApplicationLifetime lifetime) : BackgroundService
    {
        public TaskCompletionSource<bool> Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> LoopWritesAsBatchWriter { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Stopped { get; private set; }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            Ran.SetResult(lifetime.ApplicationStarted.IsCancellationRequested);
            await Task.Yield();
            LoopWritesAsBatchWriter.SetResult(WriteTurns.IsBatchWriter);
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
