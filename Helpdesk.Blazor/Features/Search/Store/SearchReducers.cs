using Helpdesk.Blazor.Flux;

namespace Helpdesk.Blazor.Features.Search.Store;

public static class SearchReducers
{
    [ReducerMethod]
    public static SearchState ReduceSearchTicketsAction(SearchState state, SearchTicketsAction action) =>
        state with { Text = action.Text, IsSearching = true, Error = null };

    [ReducerMethod]
    public static SearchState ReduceSearchTicketsSucceededAction(SearchState state, SearchTicketsSucceededAction action) =>
        action.Text != state.Text
            ? state // a newer search is in flight
            : state with { Results = [.. action.Results], IsSearching = false, HasSearched = true };

    [ReducerMethod]
    public static SearchState ReduceSearchTicketsFailedAction(SearchState state, SearchTicketsFailedAction action) =>
        action.Text != state.Text ? state : state with { IsSearching = false, Error = action.Error };
}
