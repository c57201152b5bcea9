using System.Text.RegularExpressions;

namespace Helpdesk.Core.HtmlSafety;

/// <summary>What an image or link URL points at, as the HTML policies decide on it.</summary>
public static partial class HtmlUrls
{
    /// <summary>An image the reader's browser would fetch from someone else's server (tracking pixels, remote content).</summary>
    public static bool IsRemote(string url) =>
        url.TrimStart().StartsWith("//", StringComparison.Ordinal)
        || Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>A base64 data: URL of a raster image; SVG and other types can carry script or markup and are refused.</summary>
    public static bool IsRasterData(string url) => RasterData().IsMatch(url.Trim());

    /// <summary>An image the console serves itself: a stored attachment or an entry's remote image through the proxy.</summary>
    public static bool IsConsoleImage(string url) => ConsoleImage().IsMatch(url);

    /// <summary>A link target a reader may follow by clicking: web and mail addresses only.</summary>
    public static bool IsLink(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    [GeneratedRegex(@"^data:image/(png|jpe?g|gif|webp|bmp|avif)(;[a-z0-9._=-]+)*;base64,[a-z0-9+/=\s]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RasterData();

    [GeneratedRegex(@"^/(attachments/\d+|case-log/\d+/remote-images/\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ConsoleImage();
}
