using System.Net.Sockets;
using System.Text;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Tests.Blazor.Hosting;

/// <summary>
/// An open page talks to the console over its circuit's WebSocket; the HTTP connections its load opened (up to six a
/// tab) sit idle, each holding its buffers and last request on the server, until the keep-alive timeout closes them.
/// </summary>
public sealed class IdleConnectionTests
{
    [Fact]
    public async Task Console_ByDefault_ClosesIdleConnectionsAfter15Seconds()
    {
        await using var app = ConsoleApp.Start();

        var limits = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.Equal(TimeSpan.FromSeconds(15), limits.KeepAliveTimeout);
    }

    [Fact]
    public async Task Console_KeepAliveTimeoutSet_ClosesAConnectionIdleThatLong_AndKeepsOneInUse()
    {
        await using var app = ConsoleApp.Start(new Dictionary<string, string?> { ["Kestrel:Limits:KeepAliveTimeout"] = "00:00:02" });
        var uri = new Uri(app.BaseUrl);
        using var idle = new TcpClient();
        await idle.ConnectAsync(uri.Host, uri.Port);
        using var busy = new TcpClient();
        await busy.ConnectAsync(uri.Host, uri.Port);

        Assert.Contains("200 OK", await GetHealthAsync(idle.GetStream()));
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("200 OK", await GetHealthAsync(busy.GetStream()));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        // Five seconds without a request: the server has closed it (end of stream); the other one, used every second, is open.
        var read = await idle.GetStream().ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, read);
        Assert.Contains("200 OK", await GetHealthAsync(busy.GetStream()));
    }

    private static async Task<string> GetHealthAsync(NetworkStream stream)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        var buffer = new byte[4096];
        var response = new StringBuilder();
        while (!Complete(response.ToString()))
        {
            var n = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            if (n == 0) break;
            response.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        return response.ToString();
    }

    // The health answer is small: its whole body, with a length or as chunks ending in an empty one.
    private static bool Complete(string response) =>
        response.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0
        && (response.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)
            ? response.EndsWith("0\r\n\r\n", StringComparison.Ordinal)
            : System.Text.RegularExpressions.Regex.Match(response, @"Content-Length: (\d+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } length
              && response.Length - end - 4 >= int.Parse(length.Groups[1].Value));
}
