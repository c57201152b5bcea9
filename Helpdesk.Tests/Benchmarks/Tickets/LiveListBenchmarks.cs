namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// scripts/bench.sh live-list: 20 and 50 Chromium tabs (HELPDESK_BENCH_TABS, e.g. "20" for one run), then 500 simulated
/// circuits (HELPDESK_BENCH_CIRCUITS, 0 for none), each at HELPDESK_BENCH_CHANGE_RATE changes/s (default 10) for
/// HELPDESK_BENCH_SECONDS (default 20).
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
        var tabs = (Environment.GetEnvironmentVariable("HELPDESK_BENCH_TABS") ?? "20 50")
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
        var circuits = int.TryParse(Environment.GetEnvironmentVariable("HELPDESK_BENCH_CIRCUITS"), out var n) ? n : 500;
        var runs = new List<LiveListFigures>();
        foreach (var count in tabs) runs.Add(await LiveList.MeasureBrowsersAsync(count, rate, duration));
        if (circuits > 0) runs.Add(await LiveListSimulation.MeasureAsync(circuits, rate, duration));

        BenchmarkResult.WriteAll(LiveList.Scenario, runs.Select(r => r.ToResult()));
    }
}
