using System.Collections.Immutable;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Store;

[FeatureState]
public sealed record TicketListState
{
    public TicketListRequest Request { get; init; } = new();

    /// <summary>The request <see cref="Items"/> answer (null before the first result); until a new request's result arrives it is the previous one.</summary>
    public TicketListRequest? ItemsRequest { get; init; }

    /// <summary>What the rows show: the title and columns follow it, so a new view's title never heads the previous list.</summary>
    public TicketListRequest ShownRequest => ItemsRequest ?? Request;
    // The page and counts are the shared result's own (SharedTicketListResults), never changed: not copied per circuit
    // until a row is patched in (RowPatches).
    public IReadOnlyList<TicketSummary> Items { get; init; } = [];

    /// <summary>
    /// The changes heard until when (<see cref="TimeProvider.GetTimestamp"/>) the page's query saw; 0 for a page loaded
    /// fresh. A row patched in from a change heard no later is older than the page.
    /// </summary>
    public long ItemsHeardAt { get; init; }

    /// <summary>
    /// Rows patched into the page since its query (<see cref="Live.TicketListPatch"/>), each with when its change was heard:
    /// a reload whose query started before a patch's change is patched again, so a row never steps back to an older state.
    /// </summary>
    public ImmutableDictionary<int, TicketRowPatch> RowPatches { get; init; } = ImmutableDictionary<int, TicketRowPatch>.Empty;
    public int TotalCount { get; init; }
    public IReadOnlyDictionary<TicketStatus, int> StatusCounts { get; init; } = ImmutableDictionary<TicketStatus, int>.Empty;
    public bool HasLoaded { get; init; }
    public bool IsLoading { get; init; }
    public string? Error { get; init; }

    /// <summary>
    /// Tickets on the page that changed elsewhere in the last <see cref="TicketListEffects.ChangeMarkFor"/>, each with when
    /// its latest change was heard (<see cref="TimeProvider.GetTimestamp"/>): their rows are tinted until then.
    /// </summary>
    public ImmutableDictionary<int, long> RecentlyChanged { get; init; } = ImmutableDictionary<int, long>.Empty;

    /// <summary>Rows ticked for a bulk change; only rows on the current page (a reload drops the others).</summary>
    public ImmutableHashSet<int> Selected { get; init; } = [];
    public bool IsBulkUpdating { get; init; }
    public TicketBulkOutcome? BulkOutcome { get; init; }
}

/// <param name="Row">The ticket's row as the list shows it; null: it no longer matches the list's filters.</param>
public sealed record TicketRowPatch(TicketSummary? Row, long HeardAt);
