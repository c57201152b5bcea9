using Bunit;
using Helpdesk.Blazor.Features.CaseLog;
using Helpdesk.Tests.Blazor.Features.CaseLog.Timeline;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Blazor.Features.CaseLog;

public sealed class TicketTimelineTests : HelpdeskBunitContext
{
    private IRenderedComponent<TicketTimeline> RenderTimeline() =>
        Render<TicketTimeline>(p => p.Add(t => t.Ticket, TimelineTicket.Create()));

    private static string[] Texts(IRenderedComponent<TicketTimeline> cut) =>
        [.. cut.FindAll("[data-testid=case-log-text]").Select(e => e.TextContent)];

    [Fact]
    public void TicketTimeline_PrivateFilterOff_ShowsOnlyPublicAndSystemEntries()
    {
        var cut = RenderTimeline();
        Assert.Equal(2, cut.FindAll("[data-testid=private-badge]").Count);

        cut.Find("input[data-testid=filter-private]").Change(false);

        Assert.Equal(["customer question", "public reply", "system note"], Texts(cut));
        Assert.Single(cut.FindAll("[data-testid=private-badge]"));
    }

    [Fact]
    public void TicketTimeline_OrderToggled_PutsNewestOnTopAndRemembersItInTheBrowser()
    {
        var cut = RenderTimeline();
        Assert.Equal("customer question", Texts(cut)[0]);

        cut.Find("button[data-testid=timeline-order]").Click();

        Assert.Equal(["system note", "public reply", "private note", "customer question"], Texts(cut));
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "save" && ((string)i.Arguments[0]!).Contains("\"NewestFirst\":true"));
    }

    [Fact]
    public void TicketTimeline_OrderSavedInTheBrowser_IsRestoredOnNextVisit()
    {
        JSInterop.SetupModule("./js/timeline-preferences.js").Setup<string?>("load").SetResult("{\"NewestFirst\":true,\"ShowPublic\":true,\"ShowPrivate\":true,\"ShowSystem\":true}");

        var cut = RenderTimeline();

        cut.WaitForAssertion(() => Assert.Equal("system note", Texts(cut)[0]));
        Assert.Contains("Newest on top", cut.Find("button[data-testid=timeline-order]").TextContent);
    }

    [Fact]
    public void TicketTimeline_HistoryInline_ShowsTheFieldChangeBetweenEntries()
    {
        var cut = RenderTimeline();
        Assert.Empty(cut.FindAll("[data-testid=history-line]"));

        cut.Find("input[data-testid=filter-history]").Change(true);

        var line = cut.Find("[data-testid=history-line]");
        Assert.Contains("Bob changed Status", line.TextContent);
        Assert.Contains("customer question", line.PreviousElementSibling!.TextContent);
    }
}
