using Helpdesk.Blazor.Features.Tickets;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

/// <summary>Row keys that never make Blazor move a row: the rows that kept their order keep their keys.</summary>
public sealed class RowKeysTests
{
    [Fact]
    public void For_SameTicketsInTheSameOrder_SameKeys()
    {
        var keys = new RowKeys();
        var first = keys.For([5, 4, 3]);

        Assert.Equal([new RowKey(5, 0), new RowKey(4, 0), new RowKey(3, 0)], first);
        Assert.Equal(first, keys.For([5, 4, 3]));
    }

    [Fact]
    public void For_BottomTicketGoesOnTop_OnlyItsKeyIsNew()
    {
        var keys = new RowKeys();
        var before = keys.For([5, 4, 3, 2]);

        var after = keys.For([2, 5, 4, 3]);

        Assert.Equal(new RowKey(2, 1), after[0]);
        Assert.Equal(before[..3], after[1..]);
    }

    [Fact]
    public void For_TopTicketGoesToTheBottom_OnlyItsKeyIsNew()
    {
        var keys = new RowKeys();
        var before = keys.For([5, 4, 3, 2]);

        var after = keys.For([4, 3, 2, 5]);

        Assert.Equal(before[1..], after[..3]);
        Assert.Equal(new RowKey(5, 1), after[3]);
    }

    [Fact]
    public void For_TicketsLeaveAndComeIn_TheRestKeepTheirKeysAndNewOnesStartAtZero()
    {
        var keys = new RowKeys();
        keys.For([5, 4, 3, 2]);

        var after = keys.For([9, 5, 3, 8]);

        Assert.Equal([new RowKey(9, 0), new RowKey(5, 0), new RowKey(3, 0), new RowKey(8, 0)], after);
    }

    [Fact]
    public void For_ATicketMovesAgain_ItsKeyDiffersFromEveryEarlierOne()
    {
        var keys = new RowKeys();
        keys.For([1, 2, 3]);
        keys.For([3, 1, 2]);

        var after = keys.For([2, 3, 1]);

        Assert.Equal(new RowKey(2, 1), after[0]);
        Assert.Equal([new RowKey(3, 1), new RowKey(1, 0)], after[1..]);
    }

    [Fact]
    public void For_AnyReorder_KeptKeysNeedNoMoveAndAreAsManyAsCanBe()
    {
        var random = new Random(20261206);
        for (var round = 0; round < 300; round++)
        {
            var keys = new RowKeys();
            var before = Enumerable.Range(1, random.Next(0, 12)).OrderBy(_ => random.Next()).ToList();
            var oldKeys = keys.For(before).ToDictionary(k => k.TicketId);
            var after = before.Where(_ => random.Next(4) > 0).Concat(Enumerable.Range(100, random.Next(0, 3))).OrderBy(_ => random.Next()).ToList();

            var newKeys = keys.For(after);

            Assert.Equal(after, newKeys.Select(k => k.TicketId));
            var kept = newKeys.Where(k => oldKeys.TryGetValue(k.TicketId, out var old) && old == k).Select(k => before.IndexOf(k.TicketId)).ToList();
            Assert.Equal(kept.Order(), kept); // the rows that keep their keys are in their old order: none of them moves
            var stayed = after.Where(before.Contains).Select(id => before.IndexOf(id)).ToList();
            Assert.Equal(LongestIncreasingRun(stayed), kept.Count);
            Assert.All(newKeys.Where(k => oldKeys.ContainsKey(k.TicketId) && oldKeys[k.TicketId] != k), k => Assert.Equal(oldKeys[k.TicketId].Generation + 1, k.Generation));
        }
    }

    private static int LongestIncreasingRun(IReadOnlyList<int> values)
    {
        var best = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            best[i] = 1;
            for (var j = 0; j < i; j++)
                if (values[j] < values[i]) best[i] = Math.Max(best[i], best[j] + 1);
        }
        return best.DefaultIfEmpty(0).Max();
    }
}
