using Helpdesk.Core.Mail.Inbound.Processing;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

public sealed class ReadAheadTests
{
    private static async Task<List<string>> OrderAsync(IReadOnlyList<(string Name, int Milliseconds)> mails, TimeSpan wait, int slots = 2)
    {
        var order = new List<string>();
        await foreach (var (_, read) in ReadAhead.InOrderAsync(mails, async (mail, ct) =>
                       {
                           await Task.Delay(mail.Milliseconds, ct);
                           return mail.Name;
                       }, slots, wait, default))
            order.Add(read);
        return order;
    }

    [Fact]
    public async Task InOrderAsync_QuickReads_ComeOutInArrivalOrder()
    {
        var order = await OrderAsync([("a", 30), ("b", 1), ("c", 10), ("d", 1)], TimeSpan.FromSeconds(5));

        Assert.Equal(["a", "b", "c", "d"], order);
    }

    [Fact]
    public async Task InOrderAsync_SlowRead_IsPassedOverAndComesOutOnceRead()
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var order = new List<(string Name, TimeSpan At)>();
        await foreach (var (_, read) in ReadAhead.InOrderAsync<(string Name, int Milliseconds), string>([("slow", 3000), ("b", 1), ("c", 1)],
                           async (mail, ct) => { await Task.Delay(mail.Milliseconds, ct); return mail.Name; }, 2, TimeSpan.FromMilliseconds(100), default))
            order.Add((read, timer.Elapsed));

        Assert.Equal(["b", "c", "slow"], order.Select(o => o.Name));
        Assert.True(order[1].At < TimeSpan.FromSeconds(2), $"the quick mails waited {order[1].At} for the slow one");
    }

    [Fact]
    public async Task InOrderAsync_TwoSlowReadsInTwoSlots_TheQuickOnesStillComeOutFirst()
    {
        var order = await OrderAsync([("slow1", 1500), ("slow2", 1000), ("b", 1)], TimeSpan.FromMilliseconds(50));

        Assert.Equal(["b", "slow2", "slow1"], order);
    }
}
