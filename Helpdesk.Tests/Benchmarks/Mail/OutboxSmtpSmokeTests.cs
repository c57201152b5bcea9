namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>The outbox-smtp scenario with a handful of mails in the normal test run, so that it keeps working.</summary>
[Trait("Category", "MailStack")]
public sealed class OutboxSmtpSmokeTests
{
    [Fact]
    public async Task MeasureAsync_FewMails_EveryMailIsSentAndBothRatesAreMeasured()
    {
        var comparison = await OutboxSmtp.MeasureAsync(mails: 6);

        Assert.Equal((6, 6), (comparison.Product.Count, comparison.Ceiling.Count));
        Assert.True(comparison.Product.PerSecond > 0 && comparison.Ceiling.PerSecond > 0);
        Assert.Equal(OutboxSmtp.Scenario, comparison.ToResult().Scenario);
    }
}
