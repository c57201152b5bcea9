using Helpdesk.Blazor.Components.Shared;

namespace Helpdesk.Tests.Blazor.Components;

public sealed class LocalTimeTests
{
    private static readonly DateTime Now = new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void FormatCompact_EarlierTheSameLocalDay_ShowsOnlyTheTime()
    {
        var sameDay = Now.ToLocalTime().Date.AddHours(1).ToUniversalTime();

        Assert.Equal(sameDay.ToLocalTime().ToString("t"), LocalTime.FormatCompact(sameDay, Now));
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(2)]
    [InlineData(-400)]
    public void FormatCompact_AnotherDay_ShowsOnlyTheDate(int days)
    {
        var other = Now.AddDays(days);

        Assert.Equal(other.ToLocalTime().ToString("d"), LocalTime.FormatCompact(other, Now));
    }
}
