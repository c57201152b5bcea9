using Helpdesk.Core.Persistence;

namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>The inbound-drop-pg scenario with a handful of mails in the normal test run, so that it keeps working.</summary>
public sealed class InboundDropPostgresSmokeTests
{
    [Fact]
    public async Task MeasureAsync_FewMailsOnPostgres_EveryMailBecomesATicketAndBothRatesAreMeasured()
    {
        var comparison = await InboundDrop.MeasureAsync(mails: 5, DatabaseProvider.PostgreSQL);

        Assert.Equal((5, 5), (comparison.Product.Count, comparison.Ceiling.Count));
        Assert.True(comparison.Product.PerSecond > 0 && comparison.Ceiling.PerSecond > 0);
        Assert.True(SqlCommandCount.PerMailIn(comparison.Breakdown) > 0, comparison.Breakdown);
        Assert.Equal(InboundDrop.PostgresScenario, comparison.ToResult().Scenario);
    }
}
