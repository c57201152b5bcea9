using Helpdesk.Blazor.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Tests.Blazor.Hosting;

public sealed class StartFailureTests
{
    [Fact]
    public void Describe_OptionsValidation_EveryFailureAsASentence()
    {
        var failure = new OptionsValidationException("", typeof(object), ["Mail:Outbound:SmtpHost is required", "BatchSize must be positive."]);

        Assert.Equal("Mail:Outbound:SmtpHost is required. BatchSize must be positive.", StartFailure.Describe(failure));
    }

    [Fact]
    public void Describe_CausesNotRepeated_FollowInParentheses()
    {
        var failure = new IOException("Failed to bind to address http://127.0.0.1:5000: address already in use.",
            new InvalidOperationException("Address already in use", new AggregateException(new TimeoutException("Timed out."))));

        Assert.Equal("Failed to bind to address http://127.0.0.1:5000: address already in use (Timed out).", StartFailure.Describe(failure));
    }

    [Fact]
    public void Describe_MultiLineMessage_OneLine()
    {
        Assert.Equal("First line second line.", StartFailure.Describe(new InvalidOperationException("First line\nsecond line")));
    }
}
