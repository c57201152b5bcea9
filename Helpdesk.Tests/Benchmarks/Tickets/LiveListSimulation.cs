using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Features.Tickets.Live;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// The live-list scenario without browsers: list "circuits" that hear changes and reload the way a circuit's list does
/// (<see cref="TicketChangeBatcher"/> → <see cref="TicketListRelevance"/> → <see cref="SharedTicketListResults"/>), in the
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

        var (queriesBefore, cpuBefore) = (shared.QueriesRun, LiveListFigures.ProcessorTime());
        await changes.RunAsync(changesPerSecond, duration);
        await Task.Delay(Drain);
        var (queries, cpu) = (shared.QueriesRun - queriesBefore, LiveListFigures.ProcessorTime() - cpuBefore);

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
            changes.CommittedAt.Count * circuits, Memory: null, queries, changes.CommittedAt.Count, LiveListFigures.ReadLoadAverage(), ServerCpu: cpu);
    }

    private sealed class SimulatedListCircuit : IDisposable
    {
        private readonly SharedTicketListResults _shared;
        private readonly TicketListRequest _request;
        private readonly Actor _actor;
        private readonly TicketChangeBatcher _batcher;
        private readonly IDisposable _subscription;
        private TicketListResult _shown;

        public SimulatedListCircuit(ITicketChangeFeed feed, SharedTicketListResults shared, TimeProvider clock, TicketListRequest request, Actor actor, TicketListResult shown)
        {
            (_shared, _request, _actor, _shown) = (shared, request, actor, shown);
            _batcher = new TicketChangeBatcher(Guid.NewGuid().ToString("N"), clock, ReloadAsync);
            _subscription = feed.Subscribe(_batcher.AddAsync);
        }

        public Dictionary<int, long> SeenAt { get; } = [];

        private async Task ReloadAsync(IReadOnlyList<TicketChanged> changes, long heardAt)
        {
            if (!changes.Any(c => TicketListRelevance.CanTouch(c, _request, _shown.Items))) return;
            _shown = await _shared.GetAsync(_request, _actor, heardAt);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            lock (SeenAt)
            {
                foreach (var item in _shown.Items)
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
