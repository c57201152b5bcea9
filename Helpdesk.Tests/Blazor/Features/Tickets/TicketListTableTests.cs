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
    public void TicketListTable_MinuteTick_RendersOnlyTheCellsThatReadDifferently()
    {
        var cut = Render(Ticket(1, Now, dueAt: Now.AddHours(4).AddMinutes(30)), Ticket(2, Now, dueAt: Now.AddDays(3)));
        var cells = cut.FindComponents<TicketListCell>();
        var rendersBefore = cells.Select(c => c.RenderCount).ToList();

        Host.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.All(cells, (c, i) => Assert.Equal(rendersBefore[i], c.RenderCount));

        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        cut.WaitForAssertion(() => Assert.Equal("Soon", DueState(cut, 0)));

        // A cell's render count also counts its child components' renders: which cells rendered is what matters.
        var rendered = cells.Where((c, i) => c.RenderCount > rendersBefore[i]).Select(c => (c.Instance.Ticket.Id, c.Instance.Column));
        Assert.Equal([(1, TicketListColumn.Due)], rendered);
    }
}
