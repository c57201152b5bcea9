using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Helpdesk.Core.HtmlSafety;

namespace Helpdesk.Tests.Security;

/// <summary>Asserts on the parsed structure of HTML that it can neither run script, post a form nor load anything from outside.</summary>
public static class InertHtml
{
    private static readonly string[] ActiveTags =
    [
        "script", "style", "iframe", "frame", "object", "embed", "applet", "form", "input", "button", "select", "textarea",
        "base", "meta", "link", "svg", "math", "noscript", "template", "video", "audio", "source", "picture", "mglyph",
    ];

    // What loads from outside, and id/name, which clobber the console's own globals.
    private static readonly string[] ForbiddenAttributes = ["background", "srcset", "poster", "action", "formaction", "ping", "lowsrc", "dynsrc", "id", "name"];

    public static IDocument Parse(string html) => new HtmlParser(new HtmlParserOptions { IsScripting = true }).ParseDocument(html);

    /// <param name="consoleImages">Whether images the console serves itself (/attachments/…, the proxy) are expected.</param>
    public static IDocument Assert(string html, bool consoleImages = true)
    {
        var document = Parse(html);
        var body = document.Body!;
        foreach (var element in body.Descendants<IElement>().Prepend(body))
        {
            Xunit.Assert.DoesNotContain(element.LocalName, ActiveTags);
            foreach (var attribute in element.Attributes)
            {
                Xunit.Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} on <{element.LocalName}>");
                Xunit.Assert.DoesNotContain(attribute.Name, ForbiddenAttributes);
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                Xunit.Assert.False(value.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || value.Contains("vbscript:", StringComparison.OrdinalIgnoreCase),
                    $"script URL in {attribute.Name} of <{element.LocalName}>");
                if (attribute.Name == "style")
                    Xunit.Assert.False(value.Contains("url(", StringComparison.OrdinalIgnoreCase) || value.Contains("image-set(", StringComparison.OrdinalIgnoreCase)
                        || value.Contains('\\'), $"style loading a resource: {value}");
            }
            if (element.LocalName == "img" && element.GetAttribute("src") is { } src)
                Xunit.Assert.True(HtmlUrls.IsRasterData(src) || consoleImages && HtmlUrls.IsConsoleImage(src), $"image source {src}");
            if (element.LocalName is "a" or "area" && element.GetAttribute("href") is { } href)
                Xunit.Assert.True(HtmlUrls.IsLink(href), $"link target {href}");
        }
        Xunit.Assert.DoesNotContain(document.Head!.Children, c => c.LocalName != "title");
        return document;
    }
}
