using Helpdesk.Core.HtmlSafety;

namespace Helpdesk.Core.CaseLog;

/// <summary>Renders an entry's text to its stored HTML, with inline images pointing at the entry's saved attachments.</summary>
public sealed class CaseLogHtml(CaseLogTextRenderer renderer)
{
    /// <summary>Raise when the rendering changes in a way stored rows must follow (a safety fix): start-up renders them again.</summary>
    public const int Version = 2;

    /// <param name="ticketSourceInboundId">The received mail the entry's ticket was created from, if any (<see cref="Tickets.Ticket.SourceInboundId"/>).</param>
    public void Render(CaseLogEntry entry, long? ticketSourceInboundId)
    {
        var safe = renderer.ToHtml(entry.Text, entry.Format, InlineImages(entry), FoldsQuotedHistory(entry, ticketSourceInboundId));
        entry.Html = safe.Html;
        entry.RemoteImageUrls = [.. safe.RemoteImages];
        entry.HtmlVersion = Version;
    }

    /// <summary>
    /// A mail's note on an existing ticket shows the history it quotes folded (<see cref="QuotedHistory"/>). The mail a
    /// ticket was created from does not: a forwarded mail's "From: … Sent: …" reads like a reply's, and is the request.
    /// </summary>
    public static bool FoldsQuotedHistory(CaseLogEntry entry, long? ticketSourceInboundId) =>
        entry.SourceInboundId is { } source && source != ticketSourceInboundId && entry.Format != TextFormat.Markdown;

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
