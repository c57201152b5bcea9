using Helpdesk.Tests.Benchmarks;
using Helpdesk.Tests.TestSupport.Browser;
using Xunit.Abstractions;

namespace Helpdesk.Tests.MultiInstance;

/// <summary>
/// <see cref="TwoConsolesProof"/> in the normal run with HELPDESK_MULTI_MAILS mails (default 100) and 3 changes; the
/// full 1,000 run is scripts/bench.sh two-consoles. It also keeps that scenario's figures working (its smoke test).
/// </summary>
[Trait("Category", "MultiInstance")]
[Trait("Category", "MailStack")]
[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class TwoConsolesProofTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_HolderKilledWhileSending_EveryMailInAndOutOnceAndOneConsolesChangeShowsInTheOthersList()
    {
        var mails = BenchmarkResult.Count("HELPDESK_MULTI_MAILS", 100);

        var (mail, commitToSeen) = await TwoConsolesProof.RunAsync(mails, changes: 3, output.WriteLine);

        Assert.True(mail.NothingLost, "mail was lost:\n" + string.Join("\n", mail.Lines()));
        Assert.True(mail.DuplicatesOnlyInWindow, "duplicates outside the killed console's claimed mails:\n" + string.Join("\n", mail.Lines()));
        Assert.Contains("\"here\":\"Fetching\"", mail.SurvivorHealth);
        Assert.Equal(3, commitToSeen.Milliseconds.Count);
        Assert.All([mail.ToResult(), TwoConsolesProof.LatencyResult(commitToSeen)], r => Assert.StartsWith(MailProofFigures.Scenario, r.Scenario));
    }
}
