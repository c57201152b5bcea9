namespace Helpdesk.Tests.Benchmarks;

/// <summary>
/// How long a scenario's timed product run may take, so every scenario ends within two minutes however slow the
/// product is today: the run is cancelled then and its rate is what it finished (HELPDESK_BENCH_BUDGET_SECONDS).
/// </summary>
public static class BenchmarkBudget
{
    public static TimeSpan ProductRun => TimeSpan.FromSeconds(BenchmarkResult.Count("HELPDESK_BENCH_BUDGET_SECONDS", 75));
}
