using System.Diagnostics;

namespace Helpdesk.Tests.Benchmarks;

/// <summary>Timings of one operation, in milliseconds, after a warm-up.</summary>
public sealed record Latency(IReadOnlyList<double> Milliseconds)
{
    public double P95 => Percentile(0.95);
    public double Median => Percentile(0.50);

    /// <summary>Runs <paramref name="operation"/> until it has <paramref name="samples"/> timings or the time is spent (at least 3).</summary>
    public static Task<Latency> SampleAsync(Func<Task> operation, int samples, TimeSpan time) => SampleTimedAsync(async () =>
    {
        var start = Stopwatch.GetTimestamp();
        await operation();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }, samples, time);

    /// <summary>The same for an operation that times itself (e.g. one statement of several), returning milliseconds.</summary>
    public static async Task<Latency> SampleTimedAsync(Func<Task<double>> timedOperation, int samples, TimeSpan time, int warmUp = 2)
    {
        for (var i = 0; i < warmUp; i++) await timedOperation();
        var timings = new List<double>();
        var started = Stopwatch.GetTimestamp();
        while (timings.Count < samples && (timings.Count < 3 || Stopwatch.GetElapsedTime(started) < time))
            timings.Add(await timedOperation());
        return new Latency(timings);
    }

    // Nearest rank: the smallest timing at or above the share.
    private double Percentile(double share)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() => $"p95 {Format(P95)} (median {Format(Median)}, n={Milliseconds.Count})";

    public static string Format(double ms) => ms < 10 ? $"{ms:0.00} ms" : ms < 1000 ? $"{ms:0} ms" : $"{ms / 1000:0.00} s";
}

/// <summary>
/// A product's p95 (or median) beside the ceiling's (or none), against a goal in milliseconds; the ratio is
/// ceiling / product, so like the rate scenarios it is the share of the ceiling reached.
/// </summary>
/// <param name="Breakdown">Where the product's time went, when the scenario can tell (e.g. the median of each SQL statement).</param>
public sealed record LatencyComparison(string Scenario, string Case, Latency Product, Latency? Ceiling, double GoalMs, string GoalText, bool ByMedian = false,
    string? Breakdown = null)
{
    public double Ratio => Ceiling is null || Figure(Product) <= 0 ? 0 : Figure(Ceiling) / Figure(Product);

    public bool Met => Figure(Product) <= GoalMs;

    public BenchmarkResult ToResult() => new($"{Scenario}: {Case}", Describe(Product) + (Breakdown is null ? "" : $"; {Breakdown}"), Ceiling is null ? "—" : $"ceiling {Describe(Ceiling)}",
        Math.Round(Ratio, 4), GoalText, Met, Product.Milliseconds.Count);

    private double Figure(Latency latency) => ByMedian ? latency.Median : latency.P95;

    private string Describe(Latency latency) => ByMedian
        ? $"median {Latency.Format(latency.Median)} (min {Latency.Format(latency.Milliseconds.Min())}, max {Latency.Format(latency.Milliseconds.Max())}, n={latency.Milliseconds.Count})"
        : latency.ToString();
}
