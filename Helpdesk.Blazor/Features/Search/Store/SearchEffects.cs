using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Search;

namespace Helpdesk.Blazor.Features.Search.Store;

public sealed class SearchEffects(TicketSearchQuery query, CurrentActor currentActor, ILogger<SearchEffects> logger)
{
    [EffectMethod]
    public async Task HandleSearchTicketsAction(SearchTicketsAction action, IDispatcher dispatcher)
    {
        try
        {
            dispatcher.Dispatch(new SearchTicketsSucceededAction(action.Text, await query.ExecuteAsync(action.Text, await currentActor.GetAsync())));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Searching tickets failed");
            dispatcher.Dispatch(new SearchTicketsFailedAction(action.Text, "The search could not run. Try again, or reload the page."));
        }
    }
}
