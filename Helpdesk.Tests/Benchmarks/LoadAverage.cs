namespace Helpdesk.Tests.Benchmarks;

/// <summary>The machine's load average: other builds and tenants share these cores, so a figure is read beside it.</summary>
public static class LoadAverage
{
    /// <summary>"1.02 0.87 0.65" (1, 5 and 15 minutes), or "unknown" where /proc/loadavg is not.</summary>
    public static string Read() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
