namespace Helpdesk.Tests.Benchmarks.Startup;

/// <summary>The cold-start scenario with one start in the normal test run, so that it keeps working.</summary>
public sealed class ColdStartSmokeTests
{
    [Fact]
    public async Task MeasureAsync_OneStart_TimesHealthAndLoginPageAndTheEmptyApp_AndCountsTheMethodsCompiled()
    {
        var comparisons = await ColdStart.MeasureAsync(starts: 1);

        Assert.Equal(2, comparisons.Count);
        Assert.All(comparisons, c => Assert.True(c.Product.Median > 0 && c.Ceiling!.Median > 0));
        Assert.True(comparisons[1].Product.Median >= comparisons[0].Product.Median);
        Assert.Matches(@"methods compiled until it answered: [1-9]\d* ", comparisons[1].ToResult().Product);
    }
}
