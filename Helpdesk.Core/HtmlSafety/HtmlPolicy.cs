using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace Helpdesk.Core.HtmlSafety;

/// <summary>
/// The sanitizer settings for HTML from outside, as mail clients treat it: no script, no forms, nothing fetched from
/// another server. The console may show its own images (attachments, the remote-image proxy); mail may not.
/// </summary>
internal static class HtmlPolicy
{
    /// <summary>Marks an image whose remote source was blocked; its value numbers the entry's remote images.</summary>
    public const string RemoteImageMarker = "data-hd-remote-image";

    private static readonly string[] RemovedTags =
    [
        "form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend", "datalist", "output",
        "style", "link", "meta", "base", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "video",
        "audio", "source", "track", "picture", "noscript", "template", "canvas", "dialog", "script", "image",
    ];

    // Remote loads (background, srcset, poster), form targets, DOM clobbering of the console's globals (id, name) and
    // the console's own CSS classes, which a mail could use to dress up as the console.
    private static readonly string[] RemovedAttributes =
        ["background", "srcset", "sizes", "action", "formaction", "poster", "ping", "longdesc", "dynsrc", "lowsrc", "id", "name", "class"];

    // Placing content over the console (position, transform) and sizes the console's own "max-width: 100%" for
    // images must win over (max-width, min-width), so a mail never widens the ticket page.
    private static readonly string[] RemovedCssProperties =
        ["position", "z-index", "behavior", "-moz-binding", "max-width", "min-width", "transform", "transform-origin", "transform-style", "perspective"];

    // Any url() (or image-set(), src()) in CSS would load from its target; none is kept.
    private static readonly Regex DisallowedCssValue = new(
        HtmlSanitizer.DefaultDisallowedCssPropertyValue + @"|\burl\s*\(|image-set\s*\(|\bimage\s*\(|\bsrc\s*\(|cross-fade\s*\(|\belement\s*\(|expression",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static HtmlSanitizer Console() => Create(consoleImages: true);

    public static HtmlSanitizer Mail() => Create(consoleImages: false);

    private static HtmlSanitizer Create(bool consoleImages)
    {
        var sanitizer = new HtmlSanitizer { DisallowCssPropertyValue = DisallowedCssValue };
        foreach (var tag in RemovedTags) sanitizer.AllowedTags.Remove(tag);
        foreach (var attribute in RemovedAttributes) sanitizer.AllowedAttributes.Remove(attribute);
        foreach (var property in RemovedCssProperties) sanitizer.AllowedCssProperties.Remove(property);
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "data" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedAttributes.Add("rel");
        sanitizer.AllowedAttributes.Add("target");
        if (consoleImages) sanitizer.AllowedAttributes.Add(RemoteImageMarker);
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is { } url && !Allowed(e.Tag, url, consoleImages)) e.SanitizedUrl = null;
        };
        return sanitizer;
    }

    private static bool Allowed(IElement tag, string url, bool consoleImages) => tag is IHtmlImageElement
        ? HtmlUrls.IsRasterData(url) || consoleImages && HtmlUrls.IsConsoleImage(url)
        : HtmlUrls.IsLink(url);
}
