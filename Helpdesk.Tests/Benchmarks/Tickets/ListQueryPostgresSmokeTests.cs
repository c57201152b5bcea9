using Helpdesk.Core.Persistence;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>The list-query-pg scenario on a small PostgreSQL database in the normal test run, so that it keeps working.</summary>
public sealed class ListQueryPostgresSmokeTests
{
    [Fact]
    public async Task MeasureAsync_SmallPostgresDatabase_MeasuresEveryRequestAgainstItsCeiling()
    {
        var comparisons = await ListQuery.MeasureAsync(tickets: 2000, samples: 3, DatabaseProvider.PostgreSQL);

        Assert.Equal(5, comparisons.Count);
        Assert.All(comparisons, c => Assert.True(c.Product.Milliseconds.Count >= 3 && c.Ceiling!.Milliseconds.Count >= 3 && c.Product.P95 > 0));
        Assert.All(comparisons, c => Assert.StartsWith(ListQuery.PostgresScenario + ": ", c.ToResult().Scenario));
    }
}
