namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// scripts/bench.sh live-list: 20 and 50 Chromium tabs, then 500 simulated circuits, each at HELPDESK_BENCH_CHANGE_RATE
/// changes/s (default 10) for HELPDESK_BENCH_SECONDS (default 20).
/// </summary>
[Trait("Category", "Benchmark")]
[Trait("Scenario", LiveList.Scenario)]
public sealed class LiveListBenchmarks
{
    [Fact]
    public async Task MeasureAsync_TabsAndSimulatedCircuits_WritesLatencyMemoryAndVerdicts()
    {
        var rate = BenchmarkResult.Count("HELPDESK_BENCH_CHANGE_RATE", 10);
        var duration = TimeSpan.FromSeconds(BenchmarkResult.Count("HELPDESK_BENCH_SECONDS", 20));
        var runs = new List<LiveListFigures>
        {
            await LiveList.MeasureBrowsersAsync(20, rate, duration),
            await LiveList.MeasureBrowsersAsync(50, rate, duration),
            await LiveListSimulation.MeasureAsync(500, rate, duration),
        };

        BenchmarkResult.WriteAll(LiveList.Scenario, runs.Select(r => r.ToResult()));
    }
}
