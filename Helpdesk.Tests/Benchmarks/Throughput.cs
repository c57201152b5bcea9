using System.Diagnostics;

namespace Helpdesk.Tests.Benchmarks;

/// <summary>How many items a run got through in how long.</summary>
public sealed record Throughput(int Count, TimeSpan Elapsed)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Count / Elapsed.TotalSeconds : 0;

    public static async Task<Throughput> MeasureAsync(Func<Task<int>> work)
    {
        var start = Stopwatch.GetTimestamp();
        var count = await work();
        return new Throughput(count, Stopwatch.GetElapsedTime(start));
    }

    public override string ToString() => $"{PerSecond:N0}/s ({Count:N0} in {Elapsed.TotalSeconds:0.00} s)";
}

/// <summary>
/// A product rate beside the ceiling rate measured in the same run (the bare library doing the same I/O), with the goal:
/// a minimum rate and a minimum share of the ceiling, both required or either enough.
/// </summary>
/// <param name="Breakdown">Where the product's time went, when the scenario can tell (e.g. "fetch + store 6.1 s").</param>
public sealed record ThroughputComparison(string Scenario, string Unit, Throughput Product, Throughput Ceiling, double GoalRate, double GoalRatio, bool EitherSuffices,
    string? Breakdown = null)
{
    public double Ratio => Ceiling.PerSecond > 0 ? Product.PerSecond / Ceiling.PerSecond : 0;

    public bool Met => EitherSuffices
        ? Product.PerSecond >= GoalRate || Ratio >= GoalRatio
        : Product.PerSecond >= GoalRate && Ratio >= GoalRatio;

    public BenchmarkResult ToResult() => new(Scenario, $"{Unit} {Product}{(Breakdown is null ? "" : $"; {Breakdown}")}", $"ceiling {Ceiling}", Math.Round(Ratio, 4),
        $"≥ {GoalRate:N0}/s {(EitherSuffices ? "or" : "and")} ≥ {GoalRatio:0.0#}× ceiling", Met, Product.Count);
}
