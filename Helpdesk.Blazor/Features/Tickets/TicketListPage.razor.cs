using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Tickets;

public sealed partial class TicketListPage
{
    private static readonly (TicketSortField Field, string Title)[] Columns =
    [
        (TicketSortField.Number, "Number"), (TicketSortField.Subject, "Subject"), (TicketSortField.Status, "Status"),
        (TicketSortField.Requester, "Requester"), (TicketSortField.Team, "Team"), (TicketSortField.Member, "Assignee"),
        (TicketSortField.UpdatedAt, "Updated"),
    ];

    private TicketLookups _lookups = TicketLookups.Empty;

    [Inject] private IState<TicketListState> State { get; set; } = default!;
    [Inject] private IDispatcher Dispatcher { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TicketLookupsQuery LookupsQuery { get; set; } = default!;

    private int PageCount => Math.Max(1, (int)Math.Ceiling(State.Value.TotalCount / (double)State.Value.Request.PageSize));

    protected override async Task OnInitializedAsync()
    {
        base.OnInitialized();
        Dispatcher.Dispatch(new LoadTicketsAction(State.Value.Request));
        _lookups = await LookupsQuery.ExecuteAsync();
    }

    private void Load(TicketListRequest request) => Dispatcher.Dispatch(new LoadTicketsAction(request));

    private void GoToPage(int page) => Load(State.Value.Request with { Page = page - 1 });

    private void SortBy(TicketSortField field)
    {
        var request = State.Value.Request;
        Load(request with { Sort = field, Descending = request.Sort != field || !request.Descending, Page = 0 });
    }

    private string? SortIcon(TicketSortField field) =>
        State.Value.Request.Sort != field ? null
        : State.Value.Request.Descending ? Icons.Material.Filled.ArrowDownward : Icons.Material.Filled.ArrowUpward;

    private string RowClass(TicketSummary ticket, int index) =>
        State.Value.RecentlyChanged.Contains(ticket.Id) ? "hd-row-changed" : "";

    private void OpenTicket(TableRowClickEventArgs<TicketSummary> args)
    {
        if (args.Item is { } ticket) Navigation.NavigateTo($"/tickets/{ticket.Id}");
    }
}
