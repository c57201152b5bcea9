using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Views;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Tickets.Views;

public sealed partial class TicketViewsAdminPage
{
    private IReadOnlyList<TicketViewInput> _views = [];
    private TicketLookups _lookups = TicketLookups.Empty;
    private TicketViewForm? _form;
    private readonly FormErrors _errors = new();

    [Inject] private SavedTicketViewListQuery Query { get; set; } = default!;
    [Inject] private TicketLookupsQuery Lookups { get; set; } = default!;
    [Inject] private MoveTicketViewCommand Move { get; set; } = default!;
    [Inject] private DeleteTicketViewCommand Delete { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _lookups = await Lookups.ExecuteAsync();
        _views = await Query.ExecuteAsync();
    }

    private void New()
    {
        _form = new TicketViewForm();
        _errors.Clear();
    }

    private static string SortLabel(TicketViewInput view) =>
        (Enum.GetValues<TicketListColumn>().Where(c => c.SortField() == view.Sort).Select(c => c.ToString()).FirstOrDefault() ?? view.Sort.ToString())
        + (view.Descending ? ", descending" : ", ascending");

    private async Task SavedAsync()
    {
        _form = null;
        await ChangedAsync("View saved.");
    }

    private async Task MoveAsync(TicketViewInput view, bool up)
    {
        if (await _errors.RunAsync(() => Move.ExecuteAsync(view.Id!.Value, up))) await ChangedAsync(null);
    }

    private async Task DeleteAsync(TicketViewInput view)
    {
        if (await _errors.RunAsync(() => Delete.ExecuteAsync(view.Id!.Value))) await ChangedAsync($"View {view.Name} deleted.");
    }

    private async Task ChangedAsync(string? message)
    {
        if (message is not null) Snackbar.Add(message, Severity.Success);
        _views = await Query.ExecuteAsync();
    }
}
