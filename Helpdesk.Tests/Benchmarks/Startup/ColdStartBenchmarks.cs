namespace Helpdesk.Tests.Benchmarks.Startup;

/// <summary>scripts/bench.sh cold-start (HELPDESK_BENCH_STARTS, default 5).</summary>
[Trait("Category", "Benchmark")]
[Trait("Scenario", ColdStart.Scenario)]
public sealed class ColdStartBenchmarks
{
    [Fact]
    public async Task MeasureAsync_ExistingDatabase_WritesMedianStartTimesAndVerdicts()
    {
        var comparisons = await ColdStart.MeasureAsync(BenchmarkResult.Count("HELPDESK_BENCH_STARTS", 5));

        BenchmarkResult.WriteAll(ColdStart.Scenario, comparisons.Select(c => c.ToResult()));
    }
}
