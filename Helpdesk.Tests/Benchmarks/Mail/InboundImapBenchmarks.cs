namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>scripts/bench.sh inbound-imap (HELPDESK_BENCH_MAILS, default 2,000); needs the loopback mail stack.</summary>
[Trait("Category", "Benchmark")]
[Trait("Scenario", InboundImap.Scenario)]
public sealed class InboundImapBenchmarks
{
    [Fact]
    public async Task MeasureAsync_ImapBacklogToTickets_WritesRatesAndVerdict()
    {
        var comparison = await InboundImap.MeasureAsync(BenchmarkResult.Count("HELPDESK_BENCH_MAILS", 2000));

        comparison.ToResult().Write();
    }
}
