namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>scripts/bench.sh outbox-smtp (HELPDESK_BENCH_MAILS, default 2,000); needs the loopback mail stack.</summary>
[Trait("Category", "Benchmark")]
[Trait("Scenario", OutboxSmtp.Scenario)]
public sealed class OutboxSmtpBenchmarks
{
    [Fact]
    public async Task MeasureAsync_OutboxToPostfix_WritesRatesAndVerdict()
    {
        var comparison = await OutboxSmtp.MeasureAsync(BenchmarkResult.Count("HELPDESK_BENCH_MAILS", 2000));

        comparison.ToResult().Write();
    }
}
