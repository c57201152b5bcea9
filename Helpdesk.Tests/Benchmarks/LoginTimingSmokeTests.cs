namespace Helpdesk.Tests.Benchmarks;

/// <summary>The login-timing scenario with a handful of rounds in the normal test run, so that it keeps working.</summary>
[Trait("Category", "Security")]
public sealed class LoginTimingSmokeTests
{
    [Fact]
    public async Task MeasureAsync_FewRounds_ProducesBothMedians()
    {
        var medians = await LoginTiming.MeasureAsync(rounds: 3);

        Assert.True(medians.UnknownNameMs > 0);
        Assert.True(medians.WrongPasswordMs > 0);
        Assert.Equal(LoginTiming.Scenario, medians.ToResult().Scenario);
    }
}
