namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>The save-during-inbound scenario with a handful of mails in the normal test run, so that it keeps working.</summary>
public sealed class SaveDuringInboundSmokeTests
{
    [Fact]
    public async Task MeasureAsync_FewMails_SavesAreTimedWithAndWithoutMailComingIn()
    {
        var comparison = await SaveDuringInbound.MeasureAsync(mails: 5);

        Assert.NotEmpty(comparison.Product.Milliseconds);
        Assert.True(comparison.Ceiling!.Milliseconds.Count >= 20);
        Assert.Equal($"{SaveDuringInbound.Scenario}: an agent's save while 5 mails arrive", comparison.ToResult().Scenario);
    }
}
