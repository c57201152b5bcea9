using System.Collections.Immutable;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Store;

[FeatureState]
public sealed record TicketListState
{
    public TicketListRequest Request { get; init; } = new();
    // The page and counts are the shared result's own (SharedTicketListResults), never changed: not copied per circuit.
    public IReadOnlyList<TicketSummary> Items { get; init; } = [];
    public int TotalCount { get; init; }
    public IReadOnlyDictionary<TicketStatus, int> StatusCounts { get; init; } = ImmutableDictionary<TicketStatus, int>.Empty;
    public bool HasLoaded { get; init; }
    public bool IsLoading { get; init; }
    public string? Error { get; init; }

    /// <summary>Ids of tickets that changed elsewhere since the list was last shown, for a brief highlight.</summary>
    public ImmutableHashSet<int> RecentlyChanged { get; init; } = [];

    /// <summary>Rows ticked for a bulk change; only rows on the current page (a reload drops the others).</summary>
    public ImmutableHashSet<int> Selected { get; init; } = [];
    public bool IsBulkUpdating { get; init; }
    public TicketBulkOutcome? BulkOutcome { get; init; }
}
