using Bunit;
using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

/// <summary>Times in the list move on with the clock alone: what reads as "today" and how the due time reads.</summary>
public sealed class TicketListTableTests : HelpdeskBunitContext
{
    private static readonly TicketListColumn[] Columns = [TicketListColumn.Subject, TicketListColumn.Due, TicketListColumn.Updated];

    // The list's clock is the host's, so the test moves it.
    protected override void ConfigureServices() => Services.AddSingleton<TimeProvider>(Host.Clock);

    private DateTime Now => Host.Clock.GetUtcNow().UtcDateTime;

    private TicketSummary Ticket(int id, DateTime updatedAt, DateTime? dueAt) => new(id, TicketNumber.Format(id), $"Printer {id}", TicketStatus.Assigned,
        TicketCategory.Incident, null, "Alice Walker", "alice@customer.test", null, null, updatedAt, updatedAt, dueAt);

    private IRenderedComponent<TicketListTable> Render(params TicketSummary[] tickets) =>
        Render<TicketListTable>(p => p.Add(t => t.Items, tickets).Add(t => t.Columns, Columns));

    private static string DueState(IRenderedComponent<TicketListTable> cut, int row) =>
        cut.FindAll("tbody tr")[row].QuerySelector("[data-testid=sla-due]")?.GetAttribute("data-due-state") ?? "none";

    private static string Updated(IRenderedComponent<TicketListTable> cut, int row) => cut.FindAll("tbody tr")[row].QuerySelectorAll("td")[^1].TextContent.Trim();

    [Fact]
    public void TicketListTable_DueTimeComesCloser_ReadsDueSoonThenOverdueWithoutAChangeToTheTicket()
    {
        var cut = Render(Ticket(1, Now, dueAt: Now.AddHours(5)));
        Assert.Equal("Due", DueState(cut, 0));

        Host.Clock.Advance(TimeSpan.FromHours(1.5));
        cut.WaitForAssertion(() => Assert.Equal("Soon", DueState(cut, 0)));

        Host.Clock.Advance(TimeSpan.FromHours(4));
        cut.WaitForAssertion(() => Assert.Equal("Overdue", DueState(cut, 0)));
    }

    [Fact]
    public void TicketListTable_LocalMidnightPasses_TodaysTimeBecomesADate()
    {
        var updated = Now.AddMinutes(-5);
        var cut = Render(Ticket(1, updated, dueAt: null));
        Assert.Equal(LocalTime.FormatCompact(updated, Now), Updated(cut, 0));
        Assert.Equal(updated.ToLocalTime().ToString("t"), Updated(cut, 0));

        var localMidnight = Now.ToLocalTime().Date.AddDays(1).ToUniversalTime();
        Host.Clock.Advance(localMidnight - Now + TimeSpan.FromMinutes(1));

        cut.WaitForAssertion(() => Assert.Equal(updated.ToLocalTime().ToString("d"), Updated(cut, 0)));
    }

    [Fact]
    public void TicketListTable_MinuteTick_RendersOnlyTheRowsThatReadDifferently()
    {
        var cut = Render(Ticket(1, Now, dueAt: Now.AddHours(4).AddMinutes(30)), Ticket(2, Now, dueAt: Now.AddDays(3)));
        var rows = cut.FindComponents<TicketListRow>();
        var rendersBefore = rows.Select(r => r.RenderCount).ToList();

        Host.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.All(rows, (r, i) => Assert.Equal(rendersBefore[i], r.RenderCount));

        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        cut.WaitForAssertion(() => Assert.Equal("Soon", DueState(cut, 0)));

        Assert.Equal([1], rows.Where((r, i) => r.RenderCount > rendersBefore[i]).Select(r => r.Instance.Ticket.Id));
    }

    [Fact]
    public void TicketListTable_APageOfRows_HoldsAComponentPerRowAndNoMore()
    {
        var tickets = Enumerable.Range(1, 25).Select(id => Ticket(id, Now, dueAt: Now.AddHours(id))).ToArray();
        var cut = Render<TicketListTable>(p => p.Add(t => t.Items, tickets).Add(t => t.Columns, TicketListColumns.Default));

        // Each component keeps render buffers of its own on the server for as long as the list is open.
        Assert.Equal(25, cut.FindComponents<TicketListRow>().Count);
        Assert.Equal(25 * TicketListColumns.Default.Count, cut.FindAll("tbody td[class*=hd-col-]").Count);
        Assert.Empty(cut.FindComponents<MudBlazor.MudCheckBox<bool>>()); // MudCheckBox's markup, the header's "select all" too
        Assert.Single(cut.FindAll("thead input[type=checkbox]"));
        Assert.Equal(25, cut.FindAll("tbody input[type=checkbox]").Count);
        Assert.Empty(cut.FindComponents<StatusChip>());
        Assert.Empty(cut.FindComponents<SlaDue>());
        Assert.Empty(cut.FindComponents<LocalTime>());
    }

    [Fact]
    public void TicketListRow_EveryDefaultColumnFilled_FitsInSixtyFourRenderTreeFrames()
    {
        var ticket = new TicketSummary(1, TicketNumber.Format(1), "Printer on the third floor jams", TicketStatus.Assigned, TicketCategory.Incident,
            TicketImpact.High, "Alice Walker", "alice@customer.test", "Service desk", "Bob Agent", Now, Now, Now.AddHours(3));
        var cut = Render<TicketListTable>(p => p.Add(t => t.Items, [ticket]).Add(t => t.Columns, TicketListColumns.Default));

        // A row of 65 frames would keep 128 per buffer, two buffers per row, 25 rows per open list.
        var row = cut.FindComponent<TicketListRow>();
        Assert.InRange(RenderTreeFrames.Count(this, row), 1, 64);
        Assert.NotNull(row.Find("[data-testid=sla-due]"));
        Assert.NotNull(row.Find("[data-testid=status-chip]"));
    }

    [Fact]
    public void TicketListTable_PageOfTwentyFiveRows_FitsInTwoHundredFiftySixRenderTreeFrames()
    {
        var tickets = Enumerable.Range(1, 25).Select(id => new TicketSummary(id, TicketNumber.Format(id), $"Printer {id}", TicketStatus.Assigned,
            TicketCategory.Incident, TicketImpact.High, "Alice Walker", "alice@customer.test", "Service desk", "Bob Agent", Now, Now, Now.AddHours(3))).ToList();

        var cut = Render<TicketListTable>(p => p.Add(t => t.Items, tickets).Add(t => t.Columns, TicketListColumns.Default)
            .Add(t => t.SelectedIds, [2]).Add(t => t.Cursor, 3));

        // The table's own frames are mostly each row's component and its three parameters (130 today); the page's sortable
        // headings add about 110 (TicketListPageTests). Past 256 the table would keep 512 per buffer, two buffers, for every
        // open list, as it did when each row took eight parameters.
        Assert.Equal(25, cut.FindComponents<TicketListRow>().Count);
        Assert.InRange(RenderTreeFrames.Count(this, cut), 1, 256);
    }

    [Fact]
    public void TicketListTable_SelectAllTickedThenCleared_SelectsEveryRowThenNone()
    {
        var tickets = new[] { Ticket(1, Now, null), Ticket(2, Now, null), Ticket(3, Now, null) };
        var selections = new List<IReadOnlySet<int>>();
        var cut = Render<TicketListTable>(p => p.Add(t => t.Items, tickets).Add(t => t.Columns, Columns)
            .Add(t => t.SelectionChanged, ids => selections.Add(ids)));

        cut.Find("thead input[type=checkbox]").Change(true);
        Assert.Equal([1, 2, 3], selections[^1].Order());

        cut.Render(p => p.Add(t => t.SelectedIds, [1, 2, 3]));
        Assert.True(cut.Find("thead input[type=checkbox]").HasAttribute("checked"));
        Assert.All(cut.FindAll("tbody input[type=checkbox]"), box => Assert.True(box.HasAttribute("checked")));
        cut.Find("thead input[type=checkbox]").Change(false);
        Assert.Empty(selections[^1]);
    }

    [Fact]
    public void TicketListTable_RowTickedOrClicked_TellsThePageWhichTicket()
    {
        var tickets = new[] { Ticket(1, Now, null), Ticket(2, Now, null), Ticket(3, Now, null) };
        var (selections, opened) = (new List<IReadOnlySet<int>>(), new List<int>());
        var cut = Render<TicketListTable>(p => p.Add(t => t.Items, tickets).Add(t => t.Columns, Columns).Add(t => t.SelectedIds, [3])
            .Add(t => t.Cursor, 1).Add(t => t.SelectionChanged, ids => selections.Add(ids)).Add(t => t.OpenTicket, ticket => opened.Add(ticket.Id)));

        Assert.Equal($"Select {TicketNumber.Format(3)}", cut.FindAll("tbody input[type=checkbox]")[2].GetAttribute("aria-label"));
        Assert.True(cut.FindAll("tbody input[type=checkbox]")[2].HasAttribute("checked"));
        Assert.Contains("hd-row-cursor", cut.FindAll("tbody tr")[1].ClassName);
        cut.FindAll("tbody input[type=checkbox]")[1].Change(true);
        Assert.Equal([2, 3], selections[^1].Order());
        cut.FindAll("tbody input[type=checkbox]")[2].Change(false);
        Assert.Empty(selections[^1]);

        cut.FindAll("tbody tr")[0].Click();
        Assert.Equal([1], opened);
    }

    [Fact]
    public void TicketListTable_NarrowScreen_EveryColumnHasItsNameForTheCellsLabel()
    {
        var cut = Render(Ticket(1, Now, dueAt: null));

        // MudTable's small-screen layout shows the label before each cell's value.
        var style = cut.Find("style").TextContent;
        Assert.StartsWith("@media (max-width: 600px)", style);
        Assert.All(Enum.GetValues<TicketListColumn>(), column =>
            Assert.Contains($".hd-ticket-table.mud-xs-table .hd-col-{column}::before {{ content: \"{column}\"; }}", style));
        Assert.Equal(["hd-col-Subject", "hd-col-Due", "hd-col-Updated"],
            cut.FindAll("tbody td").Skip(1).Select(td => td.ClassList.Single(c => c.StartsWith("hd-col-"))));
    }

    [Fact]
    public void TicketListTable_ATicketChangesInPlace_KeepsItsRow()
    {
        var (one, two, three) = (Ticket(1, Now, null), Ticket(2, Now, null), Ticket(3, Now, null));
        var cut = Render(one, two, three);
        var rows = cut.FindComponents<TicketListRow>().Select(r => r.Instance).ToList();

        cut.Render(p => p.Add(t => t.Items, [one, two with { Subject = "Printer 2 jammed" }, three]));

        Assert.Equal(rows, cut.FindComponents<TicketListRow>().Select(r => r.Instance));
        Assert.Equal("Printer 2 jammed", cut.FindAll("[data-testid=ticket-subject]")[1].TextContent);
    }

    [Fact]
    public void TicketListTable_ATicketGoesOnTop_GetsANewRowAndTheRowsItPassesStay()
    {
        var (one, two, three) = (Ticket(1, Now, null), Ticket(2, Now, null), Ticket(3, Now, null));
        var cut = Render(one, two, three);
        var rows = cut.FindComponents<TicketListRow>().ToDictionary(r => r.Instance.Ticket.Id, r => r.Instance);

        cut.Render(p => p.Add(t => t.Items, [three with { Subject = "Printer 3 jammed" }, one, two]));

        var after = cut.FindComponents<TicketListRow>().Select(r => r.Instance).ToList();
        Assert.DoesNotContain(after[0], rows.Values);
        Assert.Equal([rows[1], rows[2]], after[1..]);
    }
}
