using System.Text.Json;

namespace Helpdesk.Tests.Benchmarks;

/// <summary>
/// One scenario's line in scripts/bench.sh's table: the product's figure, what it is held against (a ceiling or
/// another figure), their ratio, the goal and whether it was met.
/// </summary>
public sealed record BenchmarkResult(string Scenario, string Product, string Comparison, double Ratio, string Goal, bool Met, int Samples)
{
    /// <summary>Set by scripts/bench.sh; results go to &lt;folder&gt;/&lt;scenario&gt;.json.</summary>
    public const string FolderVariable = "HELPDESK_BENCH_DIR";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public string Verdict => Met ? "pass" : "fail";

    public void Write()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Scenario + ".json"), JsonSerializer.Serialize(this, Json));
    }

    /// <summary>A scenario with several lines (one per case) writes them all to &lt;folder&gt;/&lt;scenario&gt;.json, as an array.</summary>
    public static void WriteAll(string scenario, IEnumerable<BenchmarkResult> results)
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, scenario + ".json"), JsonSerializer.Serialize(results.ToList(), Json));
    }

    /// <summary>A count from the environment (e.g. HELPDESK_BENCH_ROUNDS), or the scenario's default.</summary>
    public static int Count(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var n) && n > 0 ? n : fallback;
}
