using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Helpdesk.Blazor.Features.Security;

/// <summary>
/// Behind a reverse proxy or load balancer every request comes from the proxy: with its addresses configured
/// (ReverseProxy:KnownProxies), the client's address and scheme are taken from X-Forwarded-For/-Proto — from those
/// proxies only, so nobody else can claim another address (the login throttle counts per address).
/// </summary>
public static class ReverseProxy
{
    public const string KnownProxiesKey = "ReverseProxy:KnownProxies";

    public static WebApplication UseReverseProxyHeaders(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [];
        if (proxies.Length == 0) return app;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            if (!IPAddress.TryParse(proxy, out var address))
                throw new InvalidOperationException($"{KnownProxiesKey} has \"{proxy}\", which is not an IP address.");
            options.KnownProxies.Add(address);
        }
        app.UseForwardedHeaders(options);
        return app;
    }
}
