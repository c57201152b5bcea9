using System.Diagnostics;
using System.Runtime;

namespace Helpdesk.Tests.Benchmarks;

/// <summary>
/// Brings code to the state a long-running console has it in before a timed run, for the product and its ceiling
/// alike. Tiered compilation first runs a method unoptimized, counts its calls only once a burst of new methods is
/// over, then compiles hot methods again with instrumentation and once more optimized, each step after calls of its
/// own: after a fixed two rounds hundreds of methods were still compiled in a timed run. So rounds go on, each followed
/// by a wait until the JIT has been quiet for a moment, until two in a row compile almost nothing (<see cref="QuietRound"/>)
/// or <see cref="MaxRounds"/> are done. One quiet round was not enough: code a round runs a few times (once per batch)
/// reaches its optimized compile rounds later, and runs that stopped after one quiet round compiled 190-470 ms of it
/// during the timed outbox rounds, against 40-80 ms for runs that went on. A scenario reports the JIT time of its timed
/// runs beside the rates (<see cref="Since"/>), so what is still compiled is seen.
/// </summary>
/// <param name="ItemsPerRound">Mails (or other items) each round takes.</param>
/// <param name="MaxRounds">Rounds at most; a smoke run (a few items) measures nothing and stops after <see cref="MinRounds"/>.</param>
public sealed record WarmUp(int ItemsPerRound, int MaxRounds)
{
    public const int MinRounds = 2;
    /// <summary>A round that compiles at most this many methods leaves the code as a console's after a day of mail.</summary>
    public const int QuietRound = 25;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(10);

    /// <summary>The warm-up for a timed run of <paramref name="timedItems"/>.</summary>
    public static WarmUp For(int timedItems) => new(Math.Clamp(timedItems / 20, 1, 100), timedItems >= 200 ? 8 : MinRounds);

    /// <summary>Items enough for every round there may be.</summary>
    public int MostItems => ItemsPerRound * MaxRounds;

    /// <returns>The rounds run.</returns>
    public async Task<int> RunAsync(Func<int, Task> round)
    {
        for (var (i, quietInARow) = (0, 0); ; i++)
        {
            var before = JitInfo.GetCompiledMethodCount();
            await round(i);
            await JitSettledAsync();
            quietInARow = JitInfo.GetCompiledMethodCount() - before <= QuietRound ? quietInARow + 1 : 0;
            if (i + 1 >= MaxRounds || (i + 1 >= MinRounds && quietInARow >= 2)) return i + 1;
        }
    }

    /// <summary>Waits until no method has been compiled for two polls in a row (at most <see cref="MaxSettle"/>).</summary>
    public static async Task JitSettledAsync()
    {
        var until = Stopwatch.GetTimestamp() + (long)(MaxSettle.TotalSeconds * Stopwatch.Frequency);
        var (last, quiet) = (JitInfo.GetCompiledMethodCount(), 0);
        while (quiet < 2 && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(Poll);
            var now = JitInfo.GetCompiledMethodCount();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    /// <summary>A reading of the JIT's totals, to tell what it did during a timed run (<see cref="Since"/>).</summary>
    public static (TimeSpan Time, long Methods) JitTotals() => (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());

    public static string Since((TimeSpan Time, long Methods) before) =>
        $"{(JitInfo.GetCompilationTime() - before.Time).TotalMilliseconds:N0} ms, {JitInfo.GetCompiledMethodCount() - before.Methods:N0} methods";
}
