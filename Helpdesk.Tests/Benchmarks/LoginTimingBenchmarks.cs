namespace Helpdesk.Tests.Benchmarks;

/// <summary>scripts/bench.sh login-timing. Reports a verdict instead of asserting on milliseconds, which would be flaky.</summary>
[Trait("Category", "Benchmark")]
[Trait("Scenario", LoginTiming.Scenario)]
public sealed class LoginTimingBenchmarks
{
    [Fact]
    public async Task MeasureAsync_UnknownNameVsWrongPassword_WritesMediansAndVerdict()
    {
        var medians = await LoginTiming.MeasureAsync(BenchmarkResult.Count("HELPDESK_BENCH_ROUNDS", 100));

        medians.ToResult().Write();
    }
}
