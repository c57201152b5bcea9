using Helpdesk.Core.HtmlSafety;

namespace Helpdesk.Core.CaseLog;

/// <summary>Renders an entry's text to its stored HTML, with inline images pointing at the entry's saved attachments.</summary>
public sealed class CaseLogHtml(CaseLogTextRenderer renderer)
{
    /// <summary>Raise when the rendering changes in a way stored rows must follow (a safety fix): start-up renders them again.</summary>
    public const int Version = 2;

    public void Render(CaseLogEntry entry)
    {
        var safe = renderer.ToHtml(entry.Text, entry.Format, InlineImages(entry));
        entry.Html = safe.Html;
        entry.RemoteImageUrls = [.. safe.RemoteImages];
        entry.HtmlVersion = Version;
    }

    /// <summary>The entry shows some of its attachments inline: their addresses are known only once they are saved.</summary>
    public static bool HasInlineImages(CaseLogEntry entry) => entry.Attachments.Any(a => a.ContentId is not null && IsRaster(a.ContentType));

    private static Dictionary<string, string> InlineImages(CaseLogEntry entry)
    {
        var images = new Dictionary<string, string>(ContentIds.Comparer);
        foreach (var a in entry.Attachments.Where(a => a.ContentId is not null && a.Id > 0 && IsRaster(a.ContentType)))
            images.TryAdd(ContentIds.Normalize(a.ContentId!), $"/attachments/{a.Id}");
        return images;
    }

    // An SVG "image" is a document that can carry script when opened from the console's origin.
    private static bool IsRaster(string contentType) =>
        contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !contentType.Contains("svg", StringComparison.OrdinalIgnoreCase);
}
