namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>The inbound-drop scenario with a handful of mails in the normal test run, so that it keeps working.</summary>
public sealed class InboundDropSmokeTests
{
    [Fact]
    public async Task MeasureAsync_FewMails_EveryMailBecomesATicketAndBothRatesAreMeasured()
    {
        var comparison = await InboundDrop.MeasureAsync(mails: 5);

        Assert.Equal((5, 5), (comparison.Product.Count, comparison.Ceiling.Count));
        Assert.True(comparison.Product.PerSecond > 0 && comparison.Ceiling.PerSecond > 0);
        Assert.True(SqlCommandCount.PerMailIn(comparison.Breakdown) > 0, comparison.Breakdown);
        Assert.Matches(@"allocated [1-9]\d* KB per ticket", comparison.Breakdown);
        Assert.Equal(InboundDrop.Scenario, comparison.ToResult().Scenario);
    }
}
