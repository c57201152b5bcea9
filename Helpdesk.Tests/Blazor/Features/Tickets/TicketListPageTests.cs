using Bunit;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Tests.TestSupport;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class TicketListPageTests : HelpdeskBunitContext
{
    private async Task SeedAsync(int count)
    {
        var caller = await Host.AddPersonAsync("Alice Walker", "alice@customer.test");
        for (var i = 1; i <= count; i++)
        {
            Host.Clock.Advance(TimeSpan.FromMinutes(1));
            await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket
            {
                Subject = $"Ticket {i:00}",
                RequestedForId = caller.Id,
                Status = i % 3 == 0 ? TicketStatus.Completed : TicketStatus.Assigned,
            }, Actor.System);
        }
    }

    private static int Rows(IRenderedComponent<TicketListPage> cut) => cut.FindAll("[data-testid=ticket-subject]").Count;

    [Fact]
    public async Task TicketListPage_SecondPageSelected_ShowsTheRemainingTickets()
    {
        await SeedAsync(30);
        var cut = Render<TicketListPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut)));
        Assert.Contains("30 tickets", cut.Find("[data-testid=ticket-total]").TextContent);

        await cut.InvokeAsync(() => cut.FindComponent<MudPagination>().Instance.SelectedChanged.InvokeAsync(2));

        cut.WaitForAssertion(() => Assert.Equal(5, Rows(cut)));
    }

    [Fact]
    public async Task TicketListPage_StatusChipClicked_ListsOnlyThatStatusWithItsCount()
    {
        await SeedAsync(30);
        var cut = Render<TicketListPage>();
        cut.WaitForAssertion(() => Assert.Contains("Completed (10)", cut.Find("[data-testid=status-filters]").TextContent));

        cut.Find("[data-testid=status-Completed]").Click();

        cut.WaitForAssertion(() => Assert.Equal(10, Rows(cut)));
        Assert.All(cut.FindAll("[data-testid=status-chip]"), chip => Assert.Equal("Completed", chip.TextContent.Trim()));
    }

    [Fact]
    public async Task TicketListPage_TicketCreatedElsewhere_AppearsWithoutReload()
    {
        await SeedAsync(2);
        var cut = Render<TicketListPage>();
        var bridge = Render<TicketsLiveUpdates>();
        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut)));

        var caller = await Host.AddPersonAsync("Bob Stone", "bob@customer.test");
        await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer on fire", RequestedForId = caller.Id }, Actor.System);

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=ticket-subject]"), c => c.TextContent == "Printer on fire"), TimeSpan.FromSeconds(5));
        bridge.Dispose();
    }
}
