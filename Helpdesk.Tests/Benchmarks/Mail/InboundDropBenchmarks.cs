namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>scripts/bench.sh inbound-drop (HELPDESK_BENCH_MAILS, default 2,000).</summary>
[Trait("Category", "Benchmark")]
[Trait("Scenario", InboundDrop.Scenario)]
public sealed class InboundDropBenchmarks
{
    [Fact]
    public async Task MeasureAsync_DropFolderToTickets_WritesRatesAndVerdict()
    {
        var comparison = await InboundDrop.MeasureAsync(BenchmarkResult.Count("HELPDESK_BENCH_MAILS", 2000));

        comparison.ToResult().Write();
    }
}
