using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.CaseLog.RemoteImages;

public sealed record RemoteImage(byte[] Content, string ContentType);

/// <summary>
/// Fetches a mail's remote image on the server, so the agent's browser never contacts the sender's server (like a
/// mail provider's image proxy). Only http/https, only public addresses (checked on every connection, redirects
/// included, so DNS cannot point it elsewhere after the check), a time limit, a size cap, and raster images only.
/// </summary>
public sealed class RemoteImageFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly RemoteImageOptions _options;
    private readonly ILogger<RemoteImageFetcher> _logger;

    public RemoteImageFetcher(IOptions<RemoteImageOptions> options, ILogger<RemoteImageFetcher> logger)
    {
        _options = options.Value;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 3,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = _options.Timeout };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Helpdesk-ImageProxy/1.0");
    }

    /// <returns>The image, or null when it may not or cannot be fetched (the reason is logged).</returns>
    public async Task<RemoteImage?> FetchAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return Refuse(url, "it is not an http or https URL");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd("image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8");
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode) return Refuse(url, $"the server answered {(int)response.StatusCode}");
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || type.Contains("svg", StringComparison.OrdinalIgnoreCase))
                return Refuse(url, $"its content type {type} is not a raster image");
            if (response.Content.Headers.ContentLength > _options.MaxBytes) return Refuse(url, "it is larger than the size cap");
            var content = await ReadCappedAsync(response.Content, ct);
            return content is null ? Refuse(url, "it is larger than the size cap") : new RemoteImage(content, type.ToLowerInvariant());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
        {
            return Refuse(url, ex.Message);
        }
    }

    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _options.MaxBytes) return null;
        }
        return buffer.ToArray();
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(a => _options.AllowPrivateNetworks || NetworkAddresses.IsPublic(a)).ToList();
        if (allowed.Count == 0)
            throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves only to non-public addresses ({string.Join(", ", addresses.Select(a => a.ToString()))}).");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync([.. allowed], context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private RemoteImage? Refuse(string url, string why)
    {
        _logger.LogInformation("Remote image {Url} was not fetched: {Why}", url, why);
        return null;
    }

    public void Dispose() => _client.Dispose();
}
