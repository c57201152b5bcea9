namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>The list-query scenario on a small database in the normal test run, so that it keeps working.</summary>
public sealed class ListQuerySmokeTests
{
    [Fact]
    public async Task MeasureAsync_SmallDatabase_MeasuresEveryRequestAgainstItsCeiling()
    {
        var comparisons = await ListQuery.MeasureAsync(tickets: 2000, samples: 3);

        Assert.Equal(5, comparisons.Count);
        Assert.All(comparisons, c => Assert.True(c.Product.Milliseconds.Count >= 3 && c.Ceiling!.Milliseconds.Count >= 3 && c.Product.P95 > 0));
        Assert.Contains(comparisons, c => c.Case == "counts per status");
    }
}
