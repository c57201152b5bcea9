using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Helpdesk.Tests.Benchmarks.Startup;

/// <summary>
/// A built web app started as a real process (`dotnet &lt;dll&gt; --urls http://127.0.0.1:&lt;free port&gt;`, or a
/// self-contained one's own executable beside the dll), timed from just before the start until each path answers 200.
/// </summary>
public static class AppProcess
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The dll of a project in this repository, built in the configuration these tests were built in.</summary>
    public static string BuiltDll(string projectFolder, string name)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testOutput.Parent!.Name; // …/bin/<configuration>/net10.0/
        var root = testOutput;
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "Helpdesk.Blazor"))) root = root.Parent;
        var dll = Path.Combine(root?.FullName ?? "", projectFolder, "bin", configuration, testOutput.Name, name + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built; build Helpdesk.Tests first.", dll);
    }

    /// <summary>Runs <paramref name="dll"/> with <paramref name="args"/> until it exits (at most two minutes), as an operator runs it.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunToExitAsync(string dll, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return (process.ExitCode, await output, await errors);
    }

    /// <param name="PathsMs">Milliseconds from the process start until each path first answered 200, in order.</param>
    /// <param name="MarksMs">Until the first output line containing each of the given marks, for the marks that were seen.</param>
    public sealed record StartTimings(IReadOnlyList<double> PathsMs, IReadOnlyDictionary<string, double> MarksMs);

    public static Task<StartTimings> TimeStartAsync(string dll, IReadOnlyDictionary<string, string> environment, params string[] paths) =>
        TimeStartAsync(dll, environment, [], paths);

    public static async Task<StartTimings> TimeStartAsync(string dll, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> marks,
        params string[] paths)
    {
        var port = FreePort();
        var urls = $"http://127.0.0.1:{port}";
        var start = SelfContainedExecutable(dll) is { } executable
            ? new ProcessStartInfo(executable, ["--urls", urls])
            : new ProcessStartInfo("dotnet", [dll, "--urls", urls]);
        start.WorkingDirectory = Path.GetDirectoryName(dll)!;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var output = new List<string>();
        var marked = new Dictionary<string, double>();
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            var now = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (output)
            {
                output.Add(e.Data);
                foreach (var mark in marks)
                    if (e.Data.Contains(mark, StringComparison.Ordinal)) marked.TryAdd(mark, now);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var timings = new List<double>();
            foreach (var path in paths)
            {
                await WaitFor200Async(process, $"http://127.0.0.1:{port}{path}", output);
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            lock (output) return new StartTimings(timings, new Dictionary<string, double>(marked));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>A self-contained publish carries the runtime (libcoreclr) and an executable named after the dll.</summary>
    private static string? SelfContainedExecutable(string dll)
    {
        var folder = Path.GetDirectoryName(dll)!;
        var executable = Path.Combine(folder, Path.GetFileNameWithoutExtension(dll));
        return File.Exists(Path.Combine(folder, "libcoreclr.so")) && File.Exists(executable) ? executable : null;
    }

    private static async Task WaitFor200Async(Process process, string url, List<string> output)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (process.HasExited || Stopwatch.GetTimestamp() > deadline)
            {
                string log;
                lock (output) log = string.Join("\n", output.TakeLast(20));
                throw new InvalidOperationException($"{url} never answered 200 (process {(process.HasExited ? $"exited with {process.ExitCode}" : "still running")}):\n{log}");
            }
            await Task.Delay(5);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
