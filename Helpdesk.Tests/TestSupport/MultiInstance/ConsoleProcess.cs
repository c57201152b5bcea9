using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Helpdesk.Tests.Benchmarks.Startup;

namespace Helpdesk.Tests.TestSupport.MultiInstance;

/// <summary>
/// The built console (Helpdesk.Blazor.dll) as a real process on a free loopback port, configured by environment
/// variables, on a data folder the caller owns;
/// <see cref="Kill"/> ends it as kill -9 does.
/// </summary>
public sealed class ConsoleProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly string _url;

    private ConsoleProcess(Process process, string url)
    {
        _process = process;
        _url = url;
    }

    public static ConsoleProcess Start(string dataFolder, IReadOnlyDictionary<string, string> environment)
    {
        var dll = AppProcess.BuiltDll("Helpdesk.Blazor", "Helpdesk.Blazor");
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", url])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Helpdesk__DataFolder"] = dataFolder;
        start.Environment["Helpdesk__WorkersStartDelay"] = "00:00:00"; // the delay is for a real start's first pages, not tests
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var console = new ConsoleProcess(Process.Start(start)!, url);
        console._process.OutputDataReceived += (_, e) => console.Keep(e.Data);
        console._process.ErrorDataReceived += (_, e) => console.Keep(e.Data);
        console._process.BeginOutputReadLine();
        console._process.BeginErrorReadLine();
        return console;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Where the console answers, e.g. http://127.0.0.1:5123.</summary>
    public string Url => _url;

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Tail
    {
        get { lock (_output) return string.Join("\n", _output.TakeLast(30)); }
    }

    /// <summary>The /health body, or null while the console does not answer 200.</summary>
    public async Task<JsonElement?> HealthAsync()
    {
        try
        {
            using var response = await Http.GetAsync(_url + "/health");
            return response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>What this console does with <paramref name="mailbox"/> (Fetching, Standby), or null.</summary>
    public async Task<string?> MailboxStateAsync(string mailbox) =>
        (await HealthAsync())?.GetProperty("checks").GetProperty("workers").GetProperty("data").GetProperty("mailboxes").EnumerateArray()
            .Where(m => m.GetProperty("mailbox").GetString() == mailbox).Select(m => m.GetProperty("here").GetString()).FirstOrDefault();

    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (await HealthAsync() is null)
        {
            if (_process.HasExited || clock.Elapsed > timeout)
                throw new InvalidOperationException($"{_url}/health never answered 200 ({(_process.HasExited ? "exited" : "still running")}):\n{Tail}");
            await Task.Delay(100);
        }
    }

    public void Kill() => _process.Kill();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
