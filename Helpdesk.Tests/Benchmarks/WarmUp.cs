using System.Diagnostics;
using System.Runtime;

namespace Helpdesk.Tests.Benchmarks;

/// <summary>
/// Brings code to the state a long-running console has it in before a timed run, for the product and its ceiling
/// alike: tiered compilation first runs a method unoptimized, counts its calls once the start-up burst of new methods
/// is over, and compiles the hot ones again in the background. So a warm-up runs <see cref="Rounds"/> times, each
/// followed by a wait until the JIT has been quiet for a moment. Code that runs once per batch rather than once per item
/// is still compiled during the timed run (a warm-up calls it too seldom), so a scenario reports the JIT time of its
/// timed runs beside the rates (<see cref="Since"/>).
/// </summary>
public static class WarmUp
{
    /// <summary>The first round's methods are still being call-counted when it ends; the second one's calls promote them.</summary>
    public const int Rounds = 2;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(10);

    /// <summary>How many items each warm-up round takes for a timed run of <paramref name="timedItems"/>.</summary>
    public static int ItemsPerRound(int timedItems) => Math.Clamp(timedItems / 20, 1, 100);

    public static async Task RunAsync(Func<int, Task> round)
    {
        for (var i = 0; i < Rounds; i++)
        {
            await round(i);
            await JitSettledAsync();
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
