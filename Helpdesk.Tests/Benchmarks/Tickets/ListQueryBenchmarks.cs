namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>scripts/bench.sh list-query (HELPDESK_BENCH_TICKETS, default 100,000; HELPDESK_BENCH_SAMPLES timings per request, default 200).</summary>
[Trait("Category", "Benchmark")]
[Trait("Scenario", ListQuery.Scenario)]
public sealed class ListQueryBenchmarks
{
    [Fact]
    public async Task MeasureAsync_SeededTickets_WritesP95PerRequestAndVerdicts()
    {
        var comparisons = await ListQuery.MeasureAsync(BenchmarkResult.Count("HELPDESK_BENCH_TICKETS", 100_000), BenchmarkResult.Count("HELPDESK_BENCH_SAMPLES", ListQuery.DefaultSamples));

        BenchmarkResult.WriteAll(ListQuery.Scenario, comparisons.Select(c => c.ToResult()));
    }
}
