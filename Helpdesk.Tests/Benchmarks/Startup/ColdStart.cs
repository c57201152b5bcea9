namespace Helpdesk.Tests.Benchmarks.Startup;

/// <summary>
/// The built console started as a process on an existing, already migrated database: time until /health and until the
/// login page answer 200, the median of several starts. Ceiling: the same for an ASP.NET Core app that does nothing.
/// </summary>
public static class ColdStart
{
    public const string Scenario = "cold-start";
    private const double GoalMs = 1000;

    /// <summary>Log lines that end a phase of the start, in the order they come.</summary>
    private static readonly string[] PhaseEnds = ["Database ready", "Now listening on"];

    /// <summary>The console timed: HELPDESK_BENCH_CONSOLE's dll (bench.sh sets README's published one), else the build output.</summary>
    private const string ConsoleVariable = "HELPDESK_BENCH_CONSOLE";

    public static async Task<IReadOnlyList<LatencyComparison>> MeasureAsync(int starts)
    {
        var console = Environment.GetEnvironmentVariable(ConsoleVariable) is { Length: > 0 } dll
            ? File.Exists(dll) ? Path.GetFullPath(dll) : throw new FileNotFoundException($"{ConsoleVariable}: {dll} does not exist.", dll)
            : AppProcess.BuiltDll("Helpdesk.Blazor", "Helpdesk.Blazor");
        var empty = AppProcess.BuiltDll("Helpdesk.Tests/Benchmarks/Startup/EmptyWebApp", "EmptyWebApp");
        var dataFolder = Path.Combine(Path.GetTempPath(), "helpdesk-bench", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string> { ["Helpdesk__DataFolder"] = dataFolder, ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        try
        {
            await AppProcess.TimeStartAsync(console, environment, "/health"); // creates and migrates the database: not timed
            var (health, login, bare) = (new List<double>(), new List<double>(), new List<double>());
            var phaseEnds = PhaseEnds.ToDictionary(mark => mark, _ => new List<double>());
            for (var i = 0; i < starts; i++)
            {
                var timings = await AppProcess.TimeStartAsync(console, environment, PhaseEnds, "/health", "/account/login");
                health.Add(timings.PathsMs[0]);
                login.Add(timings.PathsMs[1]);
                foreach (var (mark, ms) in timings.MarksMs) phaseEnds[mark].Add(ms);
                bare.Add((await AppProcess.TimeStartAsync(empty, environment, "/health")).PathsMs[0]);
            }
            var ceiling = new Latency(bare);
            var breakdown = Breakdown(phaseEnds, console);
            var compiled = await MethodsCompiledUntilLoginAsync(console, environment, dataFolder);
            return
            [
                new LatencyComparison(Scenario, "start → /health 200", new Latency(health), ceiling, GoalMs, "median ≤ 1 s", ByMedian: true, Breakdown: breakdown),
                new LatencyComparison(Scenario, "start → login page 200", new Latency(login), ceiling, GoalMs, "median ≤ 1 s", ByMedian: true,
                    Breakdown: $"methods compiled until it answered: {compiled} (one more start, untimed)"),
            ];
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// How many methods the JIT compiled from the process start until the login page answered (and the process was
    /// stopped, right after), in one more start with the runtime's summary of its compilations (JitStdOutFile: a line a
    /// method). Unlike the times, the machine's load hardly moves it: the start's work that precompiled code does not cover.
    /// </summary>
    private static async Task<int> MethodsCompiledUntilLoginAsync(string console, Dictionary<string, string> environment, string dataFolder)
    {
        var summary = Path.Combine(dataFolder, "jit-summary.txt");
        var traced = new Dictionary<string, string>(environment) { ["DOTNET_JitDisasmSummary"] = "1", ["DOTNET_JitStdOutFile"] = summary };
        await AppProcess.TimeStartAsync(console, traced, "/health", "/account/login");
        return File.ReadLines(summary).Count(line => line.Contains("JIT compiled", StringComparison.Ordinal));
    }

    /// <summary>"logged at median: Database ready 0.61 s, Now listening on 0.80 s; console bin/run; load average 3.1".</summary>
    private static string? Breakdown(Dictionary<string, List<double>> phaseEnds, string console)
    {
        var seen = phaseEnds.Where(p => p.Value.Count > 0).Select(p => $"{p.Key} {Latency.Format(new Latency(p.Value).Median)}").ToList();
        var load = LoadAverage.Read().Split(' ')[0];
        var folder = new DirectoryInfo(Path.GetDirectoryName(console)!);
        return seen.Count == 0 ? null : $"logged at median: {string.Join(", ", seen)}; console {folder.Parent?.Name}/{folder.Name}; load average {load}";
    }
}
