using System.Net;
using System.Net.Sockets;
using Helpdesk.Tests.Benchmarks.Startup;

namespace Helpdesk.Tests.Blazor.Hosting;

/// <summary>
/// The built console started as an operator starts it, with something wrong: it ends with exit code 1 and one sentence
/// on standard error naming what to fix, never an unhandled exception's stack trace (exit 134).
/// </summary>
public sealed class ConsoleStartTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "helpdesk-start", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }

    private Task<(int ExitCode, string Output, string Errors)> StartAsync(params string[] settings) =>
        AppProcess.RunToExitAsync(AppProcess.BuiltDll("Helpdesk.Blazor", "Helpdesk.Blazor"), [$"--Helpdesk:DataFolder={_dataFolder}", .. settings]);

    private static string FreeLoopbackUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    [Theory]
    [InlineData("--Database:SqliteMemoryMapBytes=lots",
        "Database:SqliteMemoryMapBytes must be a whole number of bytes, 0 or more (0 turns the memory map off); it is \"lots\".")]
    [InlineData("--Database:Provider=Oracle", "Database:Provider must be Sqlite or PostgreSQL; it is \"Oracle\".")]
    [InlineData("--Database:Provider=1", "Database:Provider must be Sqlite or PostgreSQL; it is \"1\".")]
    [InlineData("--Database:Provider=PostgreSQL", "Database:Provider PostgreSQL needs ConnectionStrings:Helpdesk.")]
    [InlineData("--Mail:Outbound:Transport=Smtp", "Mail:Outbound:SmtpHost is required when Transport is Smtp.")]
    public async Task Start_WrongSetting_ExitsOneWithTheSentenceAloneAndTouchesNothing(string setting, string sentence)
    {
        var (exitCode, output, errors) = await StartAsync("--urls", FreeLoopbackUrl(), setting);

        Assert.Equal(1, exitCode);
        Assert.Equal($"Helpdesk did not start: {sentence}", errors.TrimEnd());
        Assert.Equal("", output);
        Assert.False(File.Exists(Path.Combine(_dataFolder, "helpdesk.db")), "the database was created before the settings were checked");
    }

    [Fact]
    public async Task Start_MalformedPostgresConnectionString_NamesTheSettingWithoutItsValues()
    {
        var (exitCode, _, errors) = await StartAsync("--urls", FreeLoopbackUrl(), "--Database:Provider=PostgreSQL",
            "--ConnectionStrings:Helpdesk=Hostt=db;Password=hunter2");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Helpdesk did not start: ConnectionStrings:Helpdesk is not a PostgreSQL connection string: ", errors);
        Assert.Single(errors.TrimEnd().Split('\n'));
        Assert.DoesNotContain("hunter2", errors);
    }

    [Fact]
    public async Task Start_UnreachablePostgres_ExitsOneWithTheReasonAsTheLastLine()
    {
        var (exitCode, _, errors) = await StartAsync("--urls", FreeLoopbackUrl(), "--Database:Provider=PostgreSQL",
            "--ConnectionStrings:Helpdesk=Host=127.0.0.1;Port=1;Database=none;Username=x;Password=y;Timeout=3");

        Assert.Equal(1, exitCode);
        Assert.Equal("Helpdesk did not start: Failed to connect to 127.0.0.1:1 (Connection refused).", errors.TrimEnd());
    }

    [Fact]
    public async Task Start_PortInUse_ExitsOneSayingWhichAddress()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exitCode, _, errors) = await StartAsync("--urls", url);

        Assert.Equal(1, exitCode);
        Assert.Equal($"Helpdesk did not start: Failed to bind to address {url}: address already in use.", errors.TrimEnd());
    }
}
