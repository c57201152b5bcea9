using Helpdesk.Core.Tickets.Writing;

namespace Helpdesk.Tests.Core.Tickets.Writing;

public sealed class ChangeLogGapsTests
{
    private static readonly DateTime Start = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void NoteMissing_IdsSkippedBelowTheLastRead_AwaitedUntilTheyArrive()
    {
        var gaps = new ChangeLogGaps();

        gaps.NoteMissing(after: 10, [12, 15], Start);

        Assert.Equal([11, 13, 14], gaps.StillAwaited(Start).Order());
        gaps.Arrived([13]);
        Assert.Equal([11, 14], gaps.StillAwaited(Start).Order());
    }

    [Fact]
    public void StillAwaited_AfterTheGracePeriod_GivesTheGapUp()
    {
        var gaps = new ChangeLogGaps();
        gaps.NoteMissing(after: 1, [3], Start);

        Assert.Equal([2], gaps.StillAwaited(Start + ChangeLogGaps.Grace));
        Assert.Empty(gaps.StillAwaited(Start + ChangeLogGaps.Grace + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void NoteMissing_LongRunOfMissingIds_KeepsTheThousandJustBelowTheRowRead()
    {
        var gaps = new ChangeLogGaps();

        gaps.NoteMissing(after: 0, [5_001], Start);

        var awaited = gaps.StillAwaited(Start);
        Assert.Equal(1_000, awaited.Count);
        Assert.Equal(4_001, awaited.Min());
        Assert.Equal(5_000, awaited.Max());
    }
}
