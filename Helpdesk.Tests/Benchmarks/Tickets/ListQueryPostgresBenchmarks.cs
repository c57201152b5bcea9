using Helpdesk.Core.Persistence;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>scripts/bench.sh list-query-pg: list-query on a fresh PostgreSQL database (same sizes and variables).</summary>
[Trait("Category", "Benchmark")]
[Trait("Scenario", ListQuery.PostgresScenario)]
public sealed class ListQueryPostgresBenchmarks
{
    [Fact]
    public async Task MeasureAsync_SeededTicketsOnPostgres_WritesP95PerRequestAndVerdicts()
    {
        var comparisons = await ListQuery.MeasureAsync(BenchmarkResult.Count("HELPDESK_BENCH_TICKETS", 100_000), BenchmarkResult.Count("HELPDESK_BENCH_SAMPLES", ListQuery.DefaultSamples),
            DatabaseProvider.PostgreSQL);

        BenchmarkResult.WriteAll(ListQuery.PostgresScenario, comparisons.Select(c => c.ToResult()));
    }
}
