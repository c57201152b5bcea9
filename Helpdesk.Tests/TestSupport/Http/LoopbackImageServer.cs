using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.TestSupport.Http;

/// <summary>A sender's web server on loopback: a PNG, an SVG, an HTML page, an oversized image; it counts what it served.</summary>
public sealed class LoopbackImageServer : IAsyncDisposable
{
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAACAAFUok9dAAAAAElFTkSuQmCC");

    private readonly WebApplication _app;

    private LoopbackImageServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<LoopbackImageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackImageServer? server = null;
        app.Use(async (context, next) =>
        {
            server?.Requests.Enqueue(context.Request.Path);
            await next(context);
        });
        app.MapGet("/pixel.png", () => Results.Bytes(Png, "image/png"));
        app.MapGet("/logo.svg", () => Results.Text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "image/svg+xml"));
        app.MapGet("/page.html", () => Results.Text("<script>alert(1)</script>", "text/html"));
        app.MapGet("/big.png", () => Results.Bytes(new byte[6 * 1024 * 1024], "image/png"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackImageServer(app, address.TrimEnd('/'));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
