using Bunit;
using Helpdesk.Blazor.Features.CaseLog;
using Helpdesk.Blazor.Features.CaseLog.Timeline;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Blazor.Features.CaseLog;

public sealed class CaseLogHistoryTests : HelpdeskBunitContext
{
    private static TimelineItem Entry(long id, string html, string? withRemoteImages) => new EntryTimelineItem(
        new(id, CaseLogKind.Public, "Mallory", new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), html, EntryOrigin.Customer, [], withRemoteImages));

    [Fact]
    public void CaseLogHistory_EntryWithRemoteImages_ShowsNoticeAndLoadsOnlyThatEntryOnClick()
    {
        var cut = Render<CaseLogHistory>(p => p.Add(h => h.Items,
        [
            Entry(1, "<p>one</p><img data-hd-remote-image=\"0\">", "<p>one</p><img src=\"/case-log/1/remote-images/0\">"),
            Entry(2, "<p>two</p><img data-hd-remote-image=\"0\">", "<p>two</p><img src=\"/case-log/2/remote-images/0\">"),
            Entry(3, "<p>three</p>", null),
        ]));
        Assert.Equal(2, cut.FindAll("[data-testid=remote-images-blocked]").Count);
        Assert.Empty(cut.FindAll("img[src]"));

        cut.FindAll("[data-testid=load-remote-images]")[0].Click();

        Assert.Equal(["/case-log/1/remote-images/0"], cut.FindAll("img[src]").Select(i => i.GetAttribute("src")));
        Assert.Single(cut.FindAll("[data-testid=remote-images-blocked]"));
    }

    [Fact]
    public void CaseLogHistory_EntryMailedThatFailed_ShowsRecipientsStateAndReason()
    {
        var mail = new MailDeliveryView(9, 1, "email_action", "Carl <carl@customer.test>", "boss@customer.test", MailDeliveryState.Failed,
            "550 mailbox unavailable", new DateTime(2026, 12, 2, 9, 1, 0, DateTimeKind.Utc));
        var entry = new CaseLogEntryView(1, CaseLogKind.Public, "Ann", new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), "<p>hi</p>",
            EntryOrigin.Console, []) { Mails = [mail] };

        var cut = Render<CaseLogHistory>(p => p.Add(h => h.Items, [new EntryTimelineItem(entry)]));

        var line = cut.Find("[data-testid=case-log-entry] [data-testid=mail-delivery]");
        Assert.Equal("failed", line.GetAttribute("data-state"));
        Assert.Equal("Carl <carl@customer.test>", line.QuerySelector("[data-testid=mail-to]")!.TextContent);
        Assert.Equal("boss@customer.test", line.QuerySelector("[data-testid=mail-cc]")!.TextContent);
        Assert.Equal("550 mailbox unavailable", line.QuerySelector("[data-testid=mail-problem]")!.TextContent);
    }

    [Fact]
    public void CaseLogHistory_EntryMailedThatIsDelayed_SaysSoAsAWarningNotAnError()
    {
        var mail = MailDeliveryView.From(new Helpdesk.Core.Mail.Outbound.OutboxMessage
        {
            Id = 9, CaseLogEntryId = 1, MessageId = "<m@x>", Kind = "email_action", From = "support@x", To = "carl@customer.test", Subject = "s", TextBody = "t",
            Status = Helpdesk.Core.Mail.Outbound.OutboxStatus.Sent, DelayedAt = new DateTime(2026, 12, 2, 13, 0, 0, DateTimeKind.Utc),
        });
        var entry = new CaseLogEntryView(1, CaseLogKind.Public, "Ann", new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), "<p>hi</p>",
            EntryOrigin.Console, []) { Mails = [mail] };

        var cut = Render<CaseLogHistory>(p => p.Add(h => h.Items, [new EntryTimelineItem(entry)]));

        var line = cut.Find("[data-testid=mail-delivery]");
        Assert.Equal(("delayed", "delayed"), (line.GetAttribute("data-state"), line.QuerySelector("[data-testid=mail-state]")!.TextContent.Trim()));
        var problem = line.QuerySelector("[data-testid=mail-problem]")!;
        Assert.Equal(("a mail server reports a delay and keeps trying", true), (problem.TextContent, problem.ClassList.Contains("mud-warning-text")));
    }

    [Fact]
    public void CaseLogHistory_PrivateNoteWithMentions_HighlightsEachMentionedAgent()
    {
        var entry = new CaseLogEntryView(1, CaseLogKind.Private, "Ann", new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), "<p>@Bob Agent look</p>",
            EntryOrigin.Console, []) { Mentioned = ["Bob Agent", "Dora Desk"] };

        var cut = Render<CaseLogHistory>(p => p.Add(h => h.Items, [new EntryTimelineItem(entry)]));

        Assert.Equal(["@Bob Agent", "@Dora Desk"], cut.FindAll("[data-testid=mention].hd-mention").Select(m => m.TextContent));
    }
}
