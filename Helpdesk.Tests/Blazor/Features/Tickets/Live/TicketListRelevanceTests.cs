using Helpdesk.Blazor.Features.Tickets.Live;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Blazor.Features.Tickets.Live;

public sealed class TicketListRelevanceTests
{
    private static readonly TicketSummary OnPage = new(7, "T7", "Printer", TicketStatus.New, default, TicketImpact.Medium, "Bob", "bob@customer.test",
        null, null, DateTime.UtcNow, DateTime.UtcNow, null, false, false, 1);

    private static readonly TicketListRequest ByNumber = new() { Sort = TicketSortField.Number };

    private static TicketChanged Change(int ticketId, TicketChangeKind kind) => new(ticketId, kind, null, DateTime.UtcNow);

    [Fact]
    public void CanTouch_LogAppendedOffThePageOfAListSortedByNumber_IsSkipped() =>
        Assert.False(TicketListRelevance.CanTouch(Change(9, TicketChangeKind.CaseLogAppended), ByNumber, [OnPage]));

    [Fact]
    public void CanTouch_MailDeliveryChanged_IsSkipped() =>
        Assert.False(TicketListRelevance.CanTouch(Change(7, TicketChangeKind.MailDeliveryChanged), new TicketListRequest(), [OnPage]));

    [Theory]
    [InlineData(7, TicketChangeKind.CaseLogAppended, TicketSortField.Number, null)] // on the page: its Updated column moves
    [InlineData(9, TicketChangeKind.CaseLogAppended, TicketSortField.UpdatedAt, null)] // jumps to the top
    [InlineData(9, TicketChangeKind.CaseLogAppended, TicketSortField.Number, "toner")] // the new entry may match the search
    [InlineData(9, TicketChangeKind.Updated, TicketSortField.Number, null)] // a field change may move it in or change a count
    [InlineData(9, TicketChangeKind.Created, TicketSortField.Number, null)]
    public void CanTouch_ChangeThatMayMoveTheList_Reloads(int ticketId, TicketChangeKind kind, TicketSortField sort, string? text) =>
        Assert.True(TicketListRelevance.CanTouch(Change(ticketId, kind), new TicketListRequest { Sort = sort, Text = text }, [OnPage]));
}
