using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Tickets.Live;
using Helpdesk.Blazor.Flux;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public sealed class TicketListEffects(SharedTicketListResults results, CurrentActor currentActor, IState<TicketListState> state, TimeProvider clock,
    TicketListBrowserPace pace, ILogger<TicketListEffects> logger) : IDisposable
{
    private readonly LatestLoad<TicketListKey> _loading = new();

    /// <summary>
    /// How long a row that changed elsewhere stays tinted. A plain tint that comes and goes, not an animation: a browser
    /// repaints an animated row every frame, and a supervisor's list with a change every second or so never stopped.
    /// </summary>
    public static readonly TimeSpan ChangeMarkFor = TimeSpan.FromSeconds(3);

    [EffectMethod]
    public async Task HandleLoadTicketsAction(LoadTicketsAction action, IDispatcher dispatcher)
    {
        try
        {
            var actor = await currentActor.GetAsync();
            var waiting = _loading.Begin(TicketListKey.Of(action.Request, actor));
            try
            {
                var result = action.ChangesHeardAt is { } heardAt
                    ? await results.GetAsync(action.Request, actor, heardAt, waiting)
                    : await results.GetFreshAsync(action.Request, actor, waiting);
                dispatcher.Dispatch(new LoadTicketsSucceededAction(action.Request, result, action.Changed, action.ChangesHeardAt ?? 0));
            }
            catch (OperationCanceledException) when (waiting.IsCancellationRequested)
            {
                // Another list was asked for since (its load shows), or the circuit closed.
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Loading the ticket list failed");
            dispatcher.Dispatch(new LoadTicketsFailedAction("The ticket list could not be loaded. It will retry on the next change; or reload the page."));
        }
    }

    /// <summary>Changes that may move a ticket into, out of or within the current page reload it as shown (once the list has been opened in this circuit).</summary>
    [EffectMethod]
    public Task HandleTicketsChangedExternallyAction(TicketsChangedExternallyAction action, IDispatcher dispatcher)
    {
        var list = state.Value;
        if (list.HasLoaded && action.Changes.Any(c => TicketListRelevance.CanTouch(c, list.Request, list.Items)))
            dispatcher.Dispatch(new LoadTicketsAction(list.Request, action.HeardAt, [.. action.Changes.Select(c => c.TicketId).Distinct()]));
        return Task.CompletedTask;
    }

    /// <summary>
    /// A change that may put its ticket's row into the page, or move or drop it there, is shown at once from that one row
    /// (shared by every list with the same filters); the coalesced reload follows with the whole page, total and counts.
    /// A browser still busy with earlier renders waits for the reload.
    /// </summary>
    [EffectMethod]
    public async Task HandleTicketRowChangedAction(TicketRowChangedAction action, IDispatcher dispatcher)
    {
        var list = state.Value;
        if (!list.HasLoaded || list.ItemsRequest != list.Request || pace.Behind || !TicketListPatch.Applies(action.Change, list.Request, list.Items)) return;
        try
        {
            var actor = await currentActor.GetAsync();
            var row = await results.GetRowAsync(list.Request, actor, action.Change.TicketId, action.HeardAt);
            dispatcher.Dispatch(new TicketRowPatchedAction(list.Request, action.Change.TicketId, row, action.HeardAt));
        }
        catch (Exception ex)
        {
            // The reload that follows brings the row; a failed patch only shows it a little later.
            logger.LogWarning("Reading a changed ticket's row for the list failed: {Error}", ex.Message);
        }
    }

    public void Dispose() => _loading.Dispose();

    [EffectMethod]
    public async Task HandleChangeMarkExpiry(LoadTicketsSucceededAction action, IDispatcher dispatcher)
    {
        if (action.Changed is not { Count: > 0 }) return;
        await Task.Delay(ChangeMarkFor, clock);
        dispatcher.Dispatch(new ChangeMarksExpiredAction(action.ChangesHeardAt));
    }

    /// <summary>Only for a patch the reducer applied (it tinted the row with this change), not one a newer page made moot.</summary>
    [EffectMethod]
    public async Task HandlePatchedRowMarkExpiry(TicketRowPatchedAction action, IDispatcher dispatcher)
    {
        if (!state.Value.RecentlyChanged.TryGetValue(action.TicketId, out var heardAt) || heardAt != action.HeardAt) return;
        await Task.Delay(ChangeMarkFor, clock);
        dispatcher.Dispatch(new ChangeMarksExpiredAction(action.HeardAt));
    }
}
