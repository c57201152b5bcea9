using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Features.Tickets.Live;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// The live-list scenario without browsers: list "circuits" that hear changes and reload the way a circuit's list does
/// (a changed row patched in at once, <see cref="TicketListPatch"/>; the page reloaded through <see cref="TicketChangeBatcher"/> →
/// <see cref="TicketListRelevance"/> → <see cref="SharedTicketListResults"/>; the state through the list's reducers), in the
/// whole console's host. Commit → new result delivered. No memory per circuit: a simulated one holds no rendered page.
/// </summary>
public static class LiveListSimulation
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(2);

    public static async Task<LiveListFigures> MeasureAsync(int circuits, double changesPerSecond, TimeSpan duration)
    {
        await using var app = ConsoleApp.Start();
        var changes = await LiveListChanges.PrepareAsync(app.Services);
        var feed = app.Services.GetRequiredService<ITicketChangeFeed>();
        var shared = app.Services.GetRequiredService<SharedTicketListResults>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var supervisor = Actor.Agent(null, "Supervisor", [ConsoleRoles.Administrator]);
        var request = new TicketListRequest();

        var opened = clock.GetTimestamp();
        var list = new List<SimulatedListCircuit>();
        for (var i = 0; i < circuits; i++)
            list.Add(new SimulatedListCircuit(feed, shared, clock, request, supervisor, await shared.GetAsync(request, supervisor, opened)));

        var (queriesBefore, rowsBefore, cpuBefore) = (shared.QueriesRun, shared.RowQueriesRun, LiveListFigures.ProcessorTime());
        await changes.RunAsync(changesPerSecond, duration);
        await Task.Delay(Drain);
        var (queries, rowQueries, cpu) = (shared.QueriesRun - queriesBefore, shared.RowQueriesRun - rowsBefore, LiveListFigures.ProcessorTime() - cpuBefore);

        var latencies = new List<double>();
        var unseen = 0;
        foreach (var circuit in list)
        {
            circuit.Dispose();
            var (circuitLatencies, circuitUnseen) = changes.Compare(circuit.SeenAt);
            latencies.AddRange(circuitLatencies);
            unseen += circuitUnseen;
        }
        return new LiveListFigures($"{circuits} simulated circuits, {changesPerSecond:0.#} changes/s", new Latency(latencies), unseen,
            changes.CommittedAt.Count * circuits, Memory: null, queries, changes.CommittedAt.Count, LoadAverage.Read(), ServerCpu: cpu, RowQueries: rowQueries);
    }

    /// <summary>A list circuit without a page: its state goes through the list's own reducers, rows patched in and pages reloaded.</summary>
    private sealed class SimulatedListCircuit : IDisposable
    {
        private readonly SharedTicketListResults _shared;
        private readonly TimeProvider _clock;
        private readonly TicketListRequest _request;
        private readonly Actor _actor;
        private readonly TicketChangeBatcher _batcher;
        private readonly IDisposable _subscription;
        private readonly Lock _lock = new();
        private TicketListState _state;

        public SimulatedListCircuit(ITicketChangeFeed feed, SharedTicketListResults shared, TimeProvider clock, TicketListRequest request, Actor actor, TicketListResult shown)
        {
            (_shared, _clock, _request, _actor) = (shared, clock, request, actor);
            _state = TicketListReducers.ReduceLoadTicketsSucceededAction(new TicketListState { Request = request }, new LoadTicketsSucceededAction(request, shown));
            _batcher = new TicketChangeBatcher(Guid.NewGuid().ToString("N"), clock, ReloadAsync);
            _subscription = feed.Subscribe(change =>
            {
                if (TicketListPatch.Applies(change, _request, Items)) _ = PatchAsync(change, change.KnownAtOrNow(_clock));
                return _batcher.AddAsync(change);
            });
        }

        public Dictionary<int, long> SeenAt { get; } = [];

        private IReadOnlyList<TicketSummary> Items
        {
            get { lock (_lock) return _state.Items; }
        }

        private async Task PatchAsync(TicketChanged change, long heardAt)
        {
            var row = await _shared.GetRowAsync(_request, _actor, change.TicketId, heardAt);
            Show(state => TicketListReducers.ReduceTicketRowPatchedAction(state, new TicketRowPatchedAction(_request, change.TicketId, row, heardAt)));
        }

        private async Task ReloadAsync(IReadOnlyList<TicketChanged> changes, long heardAt)
        {
            if (!changes.Any(c => TicketListRelevance.CanTouch(c, _request, Items))) return;
            var result = await _shared.GetAsync(_request, _actor, heardAt);
            Show(state => TicketListReducers.ReduceLoadTicketsSucceededAction(state,
                new LoadTicketsSucceededAction(_request, result, [.. changes.Select(c => c.TicketId).Distinct()], heardAt)));
        }

        private void Show(Func<TicketListState, TicketListState> reduce)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            lock (_lock)
            {
                _state = reduce(_state);
                foreach (var item in _state.Items)
                    if (LiveListChanges.NumberIn(item.Subject) is { } n) SeenAt.TryAdd(n, now);
            }
        }

        public void Dispose()
        {
            _subscription.Dispose();
            _batcher.Dispose();
        }
    }
}
