namespace Helpdesk.Core.HtmlSafety;

/// <summary>
/// Content-IDs as mail clients match them: "cid:" URLs are percent-encoded (RFC 2392) and headers carry angle brackets,
/// so both sides are reduced to the bare id before they are compared, case-insensitively.
/// </summary>
public static class ContentIds
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    public static string Normalize(string contentId) => contentId.Trim().Trim('<', '>').Trim();

    /// <returns>The normalized id a "cid:" URL refers to, or null when the URL is not a cid: URL.</returns>
    public static string? FromUrl(string url)
    {
        var trimmed = url.Trim();
        if (!trimmed.StartsWith("cid:", StringComparison.OrdinalIgnoreCase)) return null;
        return Normalize(Uri.UnescapeDataString(trimmed[4..]));
    }
}
