using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class TicketChangeBatcherTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly List<IReadOnlyList<TicketChanged>> _handedOn = [];
    private readonly List<DateTimeOffset> _handedOnAt = [];
    private readonly TicketChangeBatcher _batcher;

    public TicketChangeBatcherTests() => _batcher = new TicketChangeBatcher("my-circuit", _clock, (batch, _) =>
    {
        lock (_handedOn)
        {
            _handedOn.Add(batch);
            _handedOnAt.Add(_clock.GetUtcNow());
        }
        return Task.CompletedTask;
    });

    private static TicketChanged Change(int ticketId, string? origin = null) => new(ticketId, TicketChangeKind.Updated, null, DateTime.UtcNow) { Origin = origin };

    private int HandedOn { get { lock (_handedOn) return _handedOn.Count; } }
    private int ChangesHandedOn { get { lock (_handedOn) return _handedOn.Sum(b => b.Count); } }

    [Fact]
    public async Task AddAsync_ManyChangesInOneWindow_HandsThemOnOnceAfterTheWindowWithTheLast()
    {
        for (var i = 1; i <= 100; i++) await _batcher.AddAsync(Change(i));
        Assert.Equal(0, HandedOn);

        _clock.Advance(TicketChangeBatcher.Window);
        await Eventually.WaitUntilAsync(() => HandedOn > 0);
        _clock.Advance(TicketChangeBatcher.Window * 4);
        await Task.Delay(100);

        var batch = Assert.Single(_handedOn);
        Assert.Equal(100, batch.Count);
        Assert.Equal(100, batch[^1].TicketId);
    }

    [Fact]
    public async Task AddAsync_ChangesKeepComing_HandsOnAtMostOncePerWindow()
    {
        for (var i = 1; i <= 40; i++)
        {
            await _batcher.AddAsync(Change(i));
            _clock.Advance(TicketChangeBatcher.Window / 4);
            await Task.Delay(5);
        }
        _clock.Advance(TicketChangeBatcher.Window);
        await Eventually.WaitUntilAsync(() => ChangesHandedOn == 40);

        // 40 changes over ten windows: about one hand-on per window, never one per change, and the last change is in the last one.
        Assert.InRange(HandedOn, 2, 11);
        Assert.Equal(40, _handedOn[^1][^1].TicketId);
    }

    [Fact]
    public async Task AddAsync_ChangeAfterAQuietSpell_HandsOnAfterTheSettleNotAWholeWindow()
    {
        await _batcher.AddAsync(Change(1));

        _clock.Advance(TicketChangeBatcher.Settle);
        await Eventually.WaitUntilAsync(() => HandedOn == 1);
    }

    [Fact]
    public async Task AddAsync_TenChangesASecondForFiveSeconds_HandsOnAtMostFourTimesASecond()
    {
        var step = TimeSpan.FromMilliseconds(10);
        for (var i = 1; i <= 500; i++)
        {
            if (i % 10 == 0) await _batcher.AddAsync(Change(i)); // a change every 100 ms
            _clock.Advance(step);
            await Task.Delay(1);
        }
        _clock.Advance(TicketChangeBatcher.Window);
        await Eventually.WaitUntilAsync(() => ChangesHandedOn == 50);

        var gaps = _handedOnAt.Zip(_handedOnAt.Skip(1), (a, b) => b - a).ToList();
        // Each hand-on's time is read once it has run; the test's clock may have moved on by a step meanwhile.
        Assert.All(gaps, gap => Assert.True(gap >= TicketChangeBatcher.Window - step, $"two hand-ons {gap.TotalMilliseconds} ms apart"));
        Assert.InRange(HandedOn, 10, 21);
    }

    [Fact]
    public async Task AddAsync_EchoOfTheCircuitsOwnChange_IsLeftOut()
    {
        await _batcher.AddAsync(Change(1, origin: "my-circuit"));
        await _batcher.AddAsync(Change(2, origin: "other-circuit"));

        _clock.Advance(TicketChangeBatcher.Window);
        await Eventually.WaitUntilAsync(() => HandedOn > 0);

        Assert.Equal(2, Assert.Single(Assert.Single(_handedOn)).TicketId);
    }

    [Fact]
    public async Task AddAsync_OnlyOwnEchoes_HandsNothingOn()
    {
        await _batcher.AddAsync(Change(1, origin: "my-circuit"));

        _clock.Advance(TicketChangeBatcher.Window * 2);
        await Task.Delay(100);

        Assert.Equal(0, HandedOn);
    }
}
