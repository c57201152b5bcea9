using System.Diagnostics;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// One live-list run: commit → seen per change and viewer, changes never seen, memory per circuit, shared queries.
/// </summary>
/// <param name="Memory">Per circuit; none for simulated circuits, which hold no rendered page (a batcher and a shared
/// result each: their share was below the noise of a full collection, and printed as a negative size).</param>
public sealed record LiveListFigures(string Case, Latency CommitToSeen, int Unseen, int Expected, CircuitMemory? Memory,
    long QueriesRun, int Changes, string LoadAverage, long ViewCountQueries = 0, TimeSpan ServerCpu = default, long RowQueries = 0,
    BrowserCpu? Browsers = null)
{
    public const double GoalMs = 250;
    public const long GoalBytesPerCircuit = 400 * 1024;

    public bool Met => CommitToSeen.Milliseconds.Count > 0 && CommitToSeen.P95 <= GoalMs && Unseen == 0
        && (Memory is null || Memory.RssBytes <= GoalBytesPerCircuit);

    public BenchmarkResult ToResult() => new(
        $"{LiveList.Scenario}: {Case}",
        $"commit → seen p50 {Latency.Format(CommitToSeen.Median)}, p95 {Latency.Format(CommitToSeen.P95)}; {Unseen} of {Expected} never seen; "
        + (Memory is { } memory ? $"{memory.RssBytes / 1024} KB RSS ({memory.ManagedBytes / 1024} KB managed) per circuit, "
            + $"{memory.ManagedBytesWhileLoaded / 1024} KB managed while its load's connections were open; " : "")
        + $"{QueriesRun} list queries, {RowQueries} row queries, {ViewCountQueries} view-count queries for {Changes} changes; console process CPU {ServerCpu.TotalSeconds:0.0} s"
        + (Browsers is { } browsers ? $"; Chromium CPU {browsers.Used.TotalSeconds:0.0} s, {browsers.Used.TotalMilliseconds / Math.Max(1, Changes) / browsers.Tabs:0.0} ms per change per tab" : ""),
        $"load average {LoadAverage}", 0, $"p95 ≤ {GoalMs:0} ms, none unseen" + (Memory is null ? "" : $", ≤ {GoalBytesPerCircuit / 1024} KB per circuit"),
        Met, CommitToSeen.Milliseconds.Count);

    /// <summary>CPU time this process (the console and the test, not the browsers) has used so far.</summary>
    public static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>This process's resident and managed memory after a full collection.</summary>
    public static (long Rss, long Managed) MeasureMemory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, managed);
    }
}

/// <summary>CPU time the browser's processes used during the changes, all of its tabs together.</summary>
public sealed record BrowserCpu(TimeSpan Used, int Tabs)
{
    /// <summary>
    /// CPU time used so far by the Chromium processes this process started (through Playwright's driver): the browser,
    /// its renderers and GPU and utility processes. Read from /proc; zero elsewhere.
    /// </summary>
    public static TimeSpan ChromiumProcessorTime()
    {
        if (!Directory.Exists("/proc/self")) return TimeSpan.Zero;
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        var chromium = new HashSet<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // After "pid (comm) ": state, ppid, … utime and stime are the 12th and 13th fields from there.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1]);
                ticks[pid] = long.Parse(fields[11]) + long.Parse(fields[12]);
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("chromium", StringComparison.Ordinal)) chromium.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was read.
            }
        }
        var self = Environment.ProcessId;
        bool StartedHere(int pid)
        {
            for (var p = pid; parents.TryGetValue(p, out var parent) && parent > 1; p = parent)
                if (parent == self) return true;
            return false;
        }
        var total = chromium.Where(StartedHere).Sum(pid => ticks[pid]);
        return TimeSpan.FromSeconds(total / (double)ClockTicksPerSecond);
    }

    // USER_HZ: Linux reports process times in hundredths of a second on every architecture .NET runs on.
    private const int ClockTicksPerSecond = 100;
}

/// <summary>
/// What one open circuit adds to the console process, after a full collection: resident and managed bytes once the
/// connections its page's load left idle are closed, and the managed bytes 2 s after the page opened, with them.
/// </summary>
public sealed record CircuitMemory(long RssBytes, long ManagedBytes, long ManagedBytesWhileLoaded);
