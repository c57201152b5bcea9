using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

public sealed class MailReaderThreadsTests
{
    // Only a guard against a hang: every read here finishes at once when it is let go.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Run_WhileAReadIsStillGoing_TheNextReadsOnAThreadOfItsOwnAndFinishesFirst()
    {
        using var readers = new MailReaderThreads();
        using var slowMayFinish = new ManualResetEventSlim();
        var slow = readers.Run(() => { slowMayFinish.Wait(); return Environment.CurrentManagedThreadId; });

        var quick = await readers.Run(() => Environment.CurrentManagedThreadId).WaitAsync(Hang);

        Assert.False(slow.IsCompleted);
        Assert.Equal(2, readers.Threads);
        slowMayFinish.Set();
        Assert.NotEqual(quick, await slow.WaitAsync(Hang));
    }

    [Fact]
    public async Task Run_AfterAReadFinished_TheNextTakesItsThreadInsteadOfANewOne()
    {
        using var readers = new MailReaderThreads();
        var first = await readers.Run(() => Environment.CurrentManagedThreadId).WaitAsync(Hang);
        await Eventually.WaitUntilAsync(() => readers.IdleThreads == 1);
        Assert.Equal(1, readers.IdleThreads);

        var second = await readers.Run(() => Environment.CurrentManagedThreadId).WaitAsync(Hang);

        Assert.Equal(first, second);
        Assert.Equal(1, readers.Threads);
    }

    [Fact]
    public async Task Run_ReadThrows_TheTaskFailsWithItsExceptionAndTheThreadReadsOn()
    {
        using var readers = new MailReaderThreads();

        var failed = await Assert.ThrowsAsync<FormatException>(() => readers.Run<int>(() => throw new FormatException("bad mail")).WaitAsync(Hang));

        Assert.Equal("bad mail", failed.Message);
        await Eventually.WaitUntilAsync(() => readers.IdleThreads == 1);
        Assert.Equal(42, await readers.Run(() => 42).WaitAsync(Hang));
        Assert.Equal(1, readers.Threads);
    }

    [Fact]
    public async Task IdleThread_EndsAfterTheIdleTimeout_AndALaterReadStartsAnother()
    {
        using var readers = new MailReaderThreads(TimeSpan.FromMilliseconds(50));
        await readers.Run(() => 1).WaitAsync(Hang);

        await Eventually.WaitUntilAsync(() => readers.Threads == 0);

        Assert.Equal(0, readers.Threads);
        Assert.Equal(0, readers.IdleThreads);
        Assert.Equal(2, await readers.Run(() => 2).WaitAsync(Hang));
    }

    [Fact]
    public async Task Dispose_IdleThreadsEnd_AndAReadAskedForAfterwardsStillRuns()
    {
        var readers = new MailReaderThreads();
        await readers.Run(() => 1).WaitAsync(Hang);
        await Eventually.WaitUntilAsync(() => readers.IdleThreads == 1);

        readers.Dispose();
        await Eventually.WaitUntilAsync(() => readers.Threads == 0);

        Assert.Equal(0, readers.Threads);
        Assert.Equal(3, await readers.Run(() => 3).WaitAsync(Hang));
    }

    [Fact]
    public async Task Run_ManyReadsFromSeveralCallersWhileThreadsComeAndGo_EveryReadRunsOnceWithItsResult()
    {
        // No idle wait at all: a thread leaves as soon as it finds no read waiting, so reads are often handed to a thread
        // that is just leaving, which must take it.
        using var readers = new MailReaderThreads(TimeSpan.Zero);
        var runs = new int[20_000];
        var callers = Enumerable.Range(0, 4).Select(caller => Task.Run(async () =>
        {
            for (var i = caller; i < runs.Length; i += 4)
            {
                var n = i;
                Assert.Equal(n * 2, await readers.Run(() => { Interlocked.Increment(ref runs[n]); return n * 2; }).WaitAsync(Hang));
            }
        }));

        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(runs, count => Assert.Equal(1, count));
    }
}
