using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace Helpdesk.Core.HtmlSafety;

/// <summary>
/// Makes HTML from outside (a mail body, rendered markdown) safe to show in the console. Images are rewritten on the
/// parsed document first (inline "cid:" images point at their attachments, remote images are blocked and numbered,
/// anything else loses its source); the sanitizer runs last, on that same document.
/// </summary>
public sealed class UntrustedHtml
{
    // Built at first use: building the policy took a fifth of a second of every start, which resolves this class for
    // CaseLogHtmlUpgrade and almost never renders anything then.
    private readonly Lazy<HtmlSanitizer> _sanitizer = new(HtmlPolicy.Console);

    /// <param name="inlineImages">Console URLs of the mail's inline images, by Content-ID (see <see cref="ContentIds"/>).</param>
    /// <param name="foldQuotedHistory">Fold the earlier mail a reply quotes (<see cref="CaseLog.QuotedHistory"/>).</param>
    public SafeHtml Render(string html, IReadOnlyDictionary<string, string> inlineImages, bool foldQuotedHistory = false)
    {
        var document = _sanitizer.Value.HtmlParserFactory().ParseDocument(html);
        var body = document.Body!;
        if (foldQuotedHistory) CaseLog.QuotedHistory.Fold(body);
        var remote = new List<string>();
        foreach (var image in body.QuerySelectorAll("img").ToList())
        {
            // An image inside what the sanitizer removes (a form, an SVG) must not be listed as loadable.
            if (InsideRemovedElement(image, body)) image.Remove();
            else RewriteSource(image, inlineImages, remote);
        }
        foreach (var link in body.QuerySelectorAll("a").ToList())
        {
            link.SetAttribute("rel", "noopener noreferrer nofollow");
            link.SetAttribute("target", "_blank");
        }
        return new SafeHtml(Sanitize(document), remote);
    }

    /// <summary>The stored HTML of an entry with its blocked remote images pointing at the console's image proxy.</summary>
    public string WithRemoteImages(string storedHtml, long entryId)
    {
        var document = _sanitizer.Value.HtmlParserFactory().ParseDocument(storedHtml);
        foreach (var image in document.Body!.QuerySelectorAll($"img[{HtmlPolicy.RemoteImageMarker}]").ToList())
        {
            if (int.TryParse(image.GetAttribute(HtmlPolicy.RemoteImageMarker), out var n))
                image.SetAttribute("src", RemoteImageProxy.Path(entryId, n));
            image.RemoveAttribute(HtmlPolicy.RemoteImageMarker);
        }
        return Sanitize(document);
    }

    private static void RewriteSource(IElement image, IReadOnlyDictionary<string, string> inlineImages, List<string> remote)
    {
        var source = image.GetAttribute("src") ?? FirstCandidate(image.GetAttribute("srcset")) ?? "";
        foreach (var attribute in new[] { "src", "srcset", "sizes", HtmlPolicy.RemoteImageMarker })
            image.RemoveAttribute(attribute);

        if (ContentIds.FromUrl(source) is { } contentId)
        {
            if (inlineImages.TryGetValue(contentId, out var target)) image.SetAttribute("src", target);
            else image.Remove();
        }
        else if (HtmlUrls.IsRemote(source))
        {
            var url = source.Trim().StartsWith("//", StringComparison.Ordinal) ? "https:" + source.Trim() : source.Trim();
            var n = remote.IndexOf(url);
            if (n < 0)
            {
                remote.Add(url);
                n = remote.Count - 1;
            }
            image.SetAttribute(HtmlPolicy.RemoteImageMarker, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (HtmlUrls.IsRasterData(source))
            image.SetAttribute("src", source);
        else
            image.Remove();
    }

    private bool InsideRemovedElement(IElement image, IElement body)
    {
        for (var parent = image.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
            if (!_sanitizer.Value.AllowedTags.Contains(parent.LocalName)) return true;
        return false;
    }

    private static string? FirstCandidate(string? srcset) =>
        srcset?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()?.Split(' ')[0];

    private string Sanitize(IHtmlDocument document)
    {
        _sanitizer.Value.SanitizeDom(document, document.Body);
        return document.Body!.ChildNodes.ToHtml(_sanitizer.Value.OutputFormatter);
    }
}
