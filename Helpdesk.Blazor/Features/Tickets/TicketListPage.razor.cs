using System.Collections.Immutable;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Tickets;

/// <summary>The ticket list; its filter lives in the URL (<see cref="TicketListUrl"/>), so every change is a navigation.</summary>
public sealed partial class TicketListPage
{
    private TicketLookups _lookups = TicketLookups.Empty;
    private int? _me;
    private bool _dense = true;
    private KeyboardShortcutListener? _keys;

    /// <summary>The row j/k moved to (-1: none yet); Enter opens it.</summary>
    private int _cursor = -1;
    private bool _keysReady;

    [Inject] private IState<TicketListState> State { get; set; } = default!;
    /// <summary>The agent's views, not their counts: a count changing elsewhere does not render the list again.</summary>
    [Inject] private IStateSelection<TicketViewsState, ImmutableList<TicketView>> Views { get; set; } = default!;
    [Inject] private IDispatcher Dispatcher { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TicketLookupsQuery LookupsQuery { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private Live.TicketListBrowserPace Pace { get; set; } = default!;

    private TicketView? View => TicketListUrl.ViewOf(State.Value.ShownRequest, _me, Views.Value);

    private IReadOnlyList<TicketListColumn> Columns => View?.Columns ?? TicketListColumns.Default;

    protected override async Task OnInitializedAsync()
    {
        Views.Select(s => s.Views, (a, b) => TicketListUrl.SameViews(a, b, _me));
        _me = await CurrentActor.TryGetPersonIdAsync();
        Navigation.LocationChanged += OnLocationChanged;
        // An administrator's view in the URL is known once the agent's views have loaded; read the URL again then.
        SubscribeToAction<LoadViewCountsSucceededAction>(_ => LoadFromUrl());
        LoadFromUrl();
        _lookups = await LookupsQuery.ExecuteAsync();
    }

    // Back, Forward and links to another view land here; the filter is read from the URL again.
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (new Uri(e.Location).AbsolutePath is "/" or TicketListUrl.Path) _ = InvokeAsync(LoadFromUrl);
    }

    private void LoadFromUrl()
    {
        var views = Views.Value;
        var request = TicketListUrl.Parse(Navigation.Uri, _me, views);
        if (!State.Value.HasLoaded || TicketListUrl.For(request, _me, views) != TicketListUrl.For(State.Value.Request, _me, views))
            Dispatcher.Dispatch(new LoadTicketsAction(request));
    }

    private void Load(TicketListRequest request) => Navigation.NavigateTo(TicketListUrl.For(request, _me, Views.Value));

    private void GoToPage(int page) => Load(State.Value.Request with { Page = page - 1 });

    private void PageSizeChanged(int size) => Load(State.Value.Request with { PageSize = size, Page = 0 });

    private void SortBy(TicketSortField field)
    {
        var request = State.Value.Request;
        Load(request with { Sort = field, Descending = request.Sort != field || !request.Descending, Page = 0 });
    }

    /// <summary>MudButton's end icon, for the column the list is sorted by.</summary>
    private RenderFragment? SortIcon(TicketSortField field) => State.Value.Request.Sort != field ? null : builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "mud-button-icon-end mud-button-icon-size-small");
        builder.OpenElement(2, "svg");
        builder.AddAttribute(3, "class", "mud-icon-root mud-svg-icon mud-icon-size-small");
        builder.AddAttribute(4, "focusable", "false");
        builder.AddAttribute(5, "viewBox", "0 0 24 24");
        builder.AddAttribute(6, "aria-hidden", "true");
        builder.AddAttribute(7, "role", "img");
        // A Material icon constant (its path elements), never text from a ticket.
        builder.AddMarkupContent(8, State.Value.Request.Descending ? Icons.Material.Filled.ArrowDownward : Icons.Material.Filled.ArrowUpward);
        builder.CloseElement();
        builder.CloseElement();
    };

    private string? AriaSort(TicketSortField? field) =>
        field is null ? null : State.Value.Request.Sort != field ? "none" : State.Value.Request.Descending ? "descending" : "ascending";

    protected override bool ShouldRender()
    {
        Pace.Rendering();
        return true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            // Blazor Server calls this once the browser has applied the render (the first is not counted by ShouldRender).
            Pace.Shown();
            return;
        }
        _keys = new KeyboardShortcutListener(JS);
        _keys.Pressed += OnShortcutAsync;
        await _keys.StartAsync(Assets["js/keyboard-shortcuts.js"], "j", "k", "Enter");
        _keysReady = true;
        StateHasChanged();
    }

    private async Task OnShortcutAsync(string key)
    {
        var items = State.Value.Items;
        if (items.Count == 0) return;
        if (key == "Enter")
        {
            if (_cursor >= 0 && _cursor < items.Count) Navigation.NavigateTo($"/tickets/{items[_cursor].Id}");
            return;
        }
        _cursor = Math.Clamp(_cursor + (key == "j" ? 1 : -1), 0, items.Count - 1);
        await InvokeAsync(StateHasChanged);
        if (_keys is not null) await _keys.ScrollIntoViewAsync("tr.hd-row-cursor");
    }

    private void SelectionChanged(ImmutableHashSet<int> ids)
    {
        if (!ids.SetEquals(State.Value.Selected)) Dispatcher.Dispatch(new SelectTicketsAction(ids));
    }

    private void ApplyBulk((BulkTicketChange Change, string Description) pick) =>
        Dispatcher.Dispatch(new BulkUpdateTicketsAction(
            [.. State.Value.Items.Where(i => State.Value.Selected.Contains(i.Id)).Select(i => new BulkTicketTarget(i.Id, i.Version))], pick.Change, pick.Description));

    private void OpenTicket(TicketSummary ticket) => Navigation.NavigateTo($"/tickets/{ticket.Id}");

    protected override void Dispose(bool disposing)
    {
        if (disposing) Navigation.LocationChanged -= OnLocationChanged;
        if (disposing && _keys is not null) _ = _keys.DisposeAsync().AsTask();
        base.Dispose(disposing);
    }
}
