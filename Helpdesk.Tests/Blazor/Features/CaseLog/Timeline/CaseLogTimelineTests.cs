using Helpdesk.Blazor.Features.CaseLog.Timeline;

namespace Helpdesk.Tests.Blazor.Features.CaseLog.Timeline;

public sealed class CaseLogTimelineTests
{
    private static string[] Lines(TimelineOptions options) =>
        [.. CaseLogTimeline.Build(TimelineTicket.Create(), options).Select(i => i switch
        {
            EntryTimelineItem e => e.Entry.Html,
            HistoryTimelineItem h => h.Change.Field,
            _ => "?",
        })];

    [Fact]
    public void Build_Defaults_InterleavesBothLogsOldestFirstWithoutHistory()
    {
        Assert.Equal(["<p>customer question</p>", "<p>private note</p>", "<p>public reply</p>", "<p>system note</p>"], Lines(new()));
    }

    [Fact]
    public void Build_NewestFirstWithHistory_ReversesAndPlacesTheChangeByTime()
    {
        Assert.Equal(["<p>system note</p>", "<p>public reply</p>", "<p>private note</p>", "Status", "<p>customer question</p>"],
            Lines(new(ShowHistory: true, NewestFirst: true)));
    }

    [Fact]
    public void Build_OnlyPrivate_HidesPublicAndSystemEntries()
    {
        Assert.Equal(["<p>private note</p>"], Lines(new(ShowPublic: false, ShowSystem: false)));
    }
}
