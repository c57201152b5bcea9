using System.Collections.Concurrent;
using Helpdesk.Core.Mail.Inbound.Processing;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

public sealed class MailLanesTests
{
    private sealed record Mail(string Name, params string[] Keys);

    private static async IAsyncEnumerable<Mail> InOrder(params Mail[] mails)
    {
        foreach (var mail in mails)
        {
            await Task.Yield();
            yield return mail;
        }
    }

    [Fact]
    public async Task RunAsync_RelatedMailsShareALaneInTheirOrder_AnUnrelatedOneGoesToTheLaneHandedFewest()
    {
        var laneOf = new ConcurrentDictionary<string, int>();
        var order = new ConcurrentQueue<string>();
        var lane = -1;

        await MailLanes<Mail>.RunAsync(InOrder(new("a1", "alice"), new("b1", "bob"), new("a2", "alice", "printer"), new("p1", "printer"), new("c1", "carol")), 2,
            m => m.Keys, async (mails, committed) =>
            {
                var me = Interlocked.Increment(ref lane);
                await foreach (var mail in mails)
                {
                    laneOf[mail.Name] = me;
                    order.Enqueue(mail.Name);
                    committed(1);
                }
            }, default);

        Assert.Equal(laneOf["a1"], laneOf["a2"]);
        Assert.Equal(laneOf["a2"], laneOf["p1"]);
        Assert.NotEqual(laneOf["a1"], laneOf["b1"]);
        Assert.Equal(laneOf["b1"], laneOf["c1"]); // alice's lane had three by then, bob's one
        Assert.Equal(["a1", "a2", "p1"], order.Where(n => laneOf[n] == laneOf["a1"]));
    }

    [Fact]
    public async Task RunAsync_MailRelatedToTwoLanes_IsHandedOutOnlyOnceBothHaveCommitted()
    {
        var events = new ConcurrentQueue<string>();
        var commit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = MailLanes<Mail>.RunAsync(InOrder(new("a1", "alice"), new("b1", "bob"), new("reply", "alice", "bob")), 2, m => m.Keys,
            async (mails, committed) =>
            {
                await foreach (var mail in mails)
                {
                    events.Enqueue("got " + mail.Name);
                    await commit.Task;
                    events.Enqueue("committed " + mail.Name);
                    committed(1);
                }
            }, default);
        while (!(events.Contains("got a1") && events.Contains("got b1"))) await Task.Delay(10);
        await Task.Delay(200);
        Assert.DoesNotContain("got reply", events);
        commit.SetResult();
        var lanes = await run;

        var seen = events.ToList();
        Assert.Equal(1, lanes.Joins);
        Assert.True(seen.IndexOf("got reply") > Math.Max(seen.IndexOf("committed a1"), seen.IndexOf("committed b1")), string.Join(", ", seen));
    }

    [Fact]
    public async Task RunAsync_ALaneFails_NothingMoreIsHandedOutAndItsFailureIsThrownOnceTheOtherLaneIsDone()
    {
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var y1Handed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var applied = new ConcurrentQueue<string>();
        async IAsyncEnumerable<Mail> Mails()
        {
            yield return new("x1", "xavier");
            yield return new("y1", "yara");
            y1Handed.SetResult(); // the next mail is asked for once y1 is in its lane
            await failed.Task;
            await Task.Delay(1000); // for the failed lane's end to be seen on a loaded machine
            yield return new("y2", "yara");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MailLanes<Mail>.RunAsync(Mails(), 2, m => m.Keys, async (mails, committed) =>
        {
            await foreach (var mail in mails)
            {
                if (mail.Name == "x1")
                {
                    await y1Handed.Task; // else the lane could fail before y1 is handed, and y1 would rightly stay unhanded
                    failed.SetResult();
                    throw new InvalidOperationException("lane broke");
                }
                await Task.Delay(100);
                applied.Enqueue(mail.Name);
                committed(1);
            }
        }, default));

        Assert.Equal("lane broke", error.Message);
        Assert.Equal(["y1"], applied);
    }
}
