namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>The inbound-imap scenario with a handful of mails in the normal test run, so that it keeps working.</summary>
[Trait("Category", "MailStack")]
public sealed class InboundImapSmokeTests
{
    [Fact]
    public async Task MeasureAsync_FewMails_EveryMailBecomesATicketAndBothRatesAreMeasured()
    {
        var comparison = await InboundImap.MeasureAsync(mails: 5);

        Assert.Equal((5, 5), (comparison.Product.Count, comparison.Ceiling.Count));
        Assert.True(comparison.Product.PerSecond > 0 && comparison.Ceiling.PerSecond > 0);
        Assert.True(SqlCommandCount.PerMailIn(comparison.Breakdown) > 0, comparison.Breakdown);
        Assert.Equal(InboundImap.Scenario, comparison.ToResult().Scenario);
    }
}
