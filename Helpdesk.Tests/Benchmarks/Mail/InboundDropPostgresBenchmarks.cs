using Helpdesk.Core.Persistence;

namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>scripts/bench.sh inbound-drop-pg: inbound-drop on a fresh PostgreSQL database (HELPDESK_BENCH_MAILS, default 2,000).</summary>
[Trait("Category", "Benchmark")]
[Trait("Scenario", InboundDrop.PostgresScenario)]
public sealed class InboundDropPostgresBenchmarks
{
    [Fact]
    public async Task MeasureAsync_DropFolderToTicketsOnPostgres_WritesRatesAndVerdict()
    {
        var comparison = await InboundDrop.MeasureAsync(BenchmarkResult.Count("HELPDESK_BENCH_MAILS", 2000), DatabaseProvider.PostgreSQL);

        comparison.ToResult().Write();
    }
}
