using Helpdesk.Blazor.Features.CaseLog;

namespace Helpdesk.Tests.Blazor.Features.CaseLog;

public sealed class TypedMarkerTests
{
    [Theory]
    [InlineData("Hi :", "Hi ::", "::", 3, "")]
    [InlineData("Hi\n\nbye", "Hi\n::\nbye", "::", 3, "")]
    [InlineData("Ask ", "Ask @zel", "@", 4, "zel")] // several keys in one input
    [InlineData("", "@", "@", 0, "")]
    public void JustTyped_MarkerCompletedByThisInput_StartsThereWithWhatFollowsInTheInput(string before, string after, string marker, int start, string query)
    {
        var typed = TypedMarker.JustTyped(before, after, marker);

        Assert.NotNull(typed);
        Assert.Equal((start, query), (typed.Start, typed.QueryIn(after)));
    }

    [Theory]
    [InlineData("Time: 10", "Time: 10:", "::")]
    [InlineData("mail carl", "mail carl@", "@")]
    [InlineData("::", "::x", "::")] // an old marker is followed, not found again
    [InlineData("Hi ::", "Hi :", "::")]
    public void JustTyped_NoNewMarker_Null(string before, string after, string marker) =>
        Assert.Null(TypedMarker.JustTyped(before, after, marker));

    [Fact]
    public void Follow_TypingBackspacingAndLeaving_TracksTheQueryUntilTheMarkerIsLeft()
    {
        var marker = TypedMarker.JustTyped("Hi  there", "Hi :: there", "::")!;

        marker = marker.Follow("Hi :: there", "Hi ::gre there")!;
        Assert.Equal("gre", marker.QueryIn("Hi ::gre there"));
        marker = marker.Follow("Hi ::gre there", "Hi ::gr there")!;
        Assert.Equal("gr", marker.QueryIn("Hi ::gr there"));
        Assert.Equal(("Hi Dear Carl, there", 13), marker.Replace("Hi ::gr there", "Dear Carl,"));

        Assert.Null(marker.Follow("Hi ::gr there", "Hi :gr there"));
        Assert.Null(marker.Follow("Hi ::gr there", "Hi ::gr\n there"));
        Assert.Null(marker.Follow("Hi ::gr there", "Hi ::gr there!"));
    }
}
