namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>scripts/bench.sh save-during-inbound (HELPDESK_BENCH_MAILS, default 2,000).</summary>
[Trait("Category", "Benchmark")]
[Trait("Scenario", SaveDuringInbound.Scenario)]
public sealed class SaveDuringInboundBenchmarks
{
    [Fact]
    public async Task MeasureAsync_NotesWhileMailArrives_WritesLatenciesAndVerdict()
    {
        var comparison = await SaveDuringInbound.MeasureAsync(BenchmarkResult.Count("HELPDESK_BENCH_MAILS", 2000));

        BenchmarkResult.WriteAll(SaveDuringInbound.Scenario, [comparison.ToResult()]);
    }
}
