using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Search;

namespace Helpdesk.Blazor.Features.Search.Store;

public sealed class SearchEffects(TicketSearchQuery query, CurrentActor currentActor, ILogger<SearchEffects> logger) : IDisposable
{
    private readonly LatestLoad<string> _searching = new();

    /// <summary>A search for other words stops the one still running (its statement too), and so does the circuit's end.</summary>
    [EffectMethod]
    public async Task HandleSearchTicketsAction(SearchTicketsAction action, IDispatcher dispatcher)
    {
        var waiting = _searching.Begin(action.Text);
        try
        {
            dispatcher.Dispatch(new SearchTicketsSucceededAction(action.Text, await query.ExecuteAsync(action.Text, await currentActor.GetAsync(), waiting)));
        }
        catch (OperationCanceledException) when (waiting.IsCancellationRequested)
        {
            // A newer search shows instead, or the circuit closed.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Searching tickets failed");
            dispatcher.Dispatch(new SearchTicketsFailedAction(action.Text, "The search could not run. Try again, or reload the page."));
        }
    }

    public void Dispose() => _searching.Dispose();
}
