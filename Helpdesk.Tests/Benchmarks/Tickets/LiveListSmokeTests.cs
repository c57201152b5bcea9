using Helpdesk.Tests.TestSupport.Browser;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>The live-list scenario with a few circuits for a few seconds in the normal test run, so that it keeps working.</summary>
public sealed class LiveListSmokeTests
{
    [Fact]
    public async Task MeasureAsync_FewSimulatedCircuits_EveryCircuitSeesTheChanges()
    {
        var figures = await LiveListSimulation.MeasureAsync(circuits: 3, changesPerSecond: 4, TimeSpan.FromSeconds(1.5));

        Assert.Equal(6, figures.Changes);
        Assert.Equal(18, figures.Expected);
        Assert.Equal(figures.Expected, figures.CommitToSeen.Milliseconds.Count + figures.Unseen);
        Assert.NotEmpty(figures.CommitToSeen.Milliseconds);
        Assert.True(figures.QueriesRun > 0);
        Assert.StartsWith(LiveList.Scenario, figures.ToResult().Scenario);
        Assert.DoesNotContain("per circuit", figures.ToResult().Product);
        Assert.DoesNotContain("Chromium", figures.ToResult().Product);
        Assert.Equal("p95 ≤ 250 ms, none unseen", figures.ToResult().Goal);
    }
}

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class LiveListBrowserSmokeTests
{
    [Fact]
    public async Task MeasureBrowsersAsync_TwoTabs_BothShowTheChanges()
    {
        var figures = await LiveList.MeasureBrowsersAsync(tabs: 2, changesPerSecond: 4, TimeSpan.FromSeconds(1.5));

        Assert.Equal(12, figures.Expected);
        Assert.Equal(figures.Expected, figures.CommitToSeen.Milliseconds.Count + figures.Unseen);
        Assert.NotEmpty(figures.CommitToSeen.Milliseconds);
        Assert.StartsWith(LiveList.Scenario, figures.ToResult().Scenario);
        Assert.NotNull(figures.Memory);
        Assert.True(figures.Browsers!.Used > TimeSpan.Zero, "the browser's processes used no CPU for the changes");
        Assert.Contains("ms per change per tab", figures.ToResult().Product);
        Assert.Contains("KB managed while its load's connections were open", figures.ToResult().Product);
        Assert.Equal("p95 ≤ 250 ms, none unseen, ≤ 400 KB per circuit", figures.ToResult().Goal);
    }
}
