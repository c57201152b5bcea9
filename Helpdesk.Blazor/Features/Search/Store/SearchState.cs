using System.Collections.Immutable;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Search;

namespace Helpdesk.Blazor.Features.Search.Store;

[FeatureState]
public sealed record SearchState
{
    public string Text { get; init; } = "";
    public ImmutableList<TicketSearchResult> Results { get; init; } = [];
    public bool IsSearching { get; init; }
    public bool HasSearched { get; init; }
    public string? Error { get; init; }
}
