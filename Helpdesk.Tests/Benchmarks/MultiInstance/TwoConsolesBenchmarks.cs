using Helpdesk.Tests.MultiInstance;
using Xunit.Abstractions;

namespace Helpdesk.Tests.Benchmarks.MultiInstance;

/// <summary>
/// scripts/bench.sh two-consoles: <see cref="TwoConsolesProof"/> with HELPDESK_BENCH_MAILS (default 1,000) mails and
/// HELPDESK_BENCH_SAMPLES (default 20) changes; needs the mail stack and PostgreSQL.
/// </summary>
[Trait("Category", "Benchmark")]
[Trait("Scenario", MailProofFigures.Scenario)]
public sealed class TwoConsolesBenchmarks(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_ThousandMailsAndChanges_WritesLatencyThroughputAndDuplicates()
    {
        var (mail, commitToSeen) = await TwoConsolesProof.RunAsync(
            BenchmarkResult.Count("HELPDESK_BENCH_MAILS", 1000), BenchmarkResult.Count("HELPDESK_BENCH_SAMPLES", 20), output.WriteLine);

        BenchmarkResult.WriteAll(MailProofFigures.Scenario, [TwoConsolesProof.LatencyResult(commitToSeen), mail.ToResult()]);
    }
}
