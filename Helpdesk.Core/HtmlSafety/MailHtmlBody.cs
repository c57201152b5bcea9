using AngleSharp;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Helpdesk.Core.HtmlSafety;

/// <summary>
/// One outgoing mail's HTML body. The template's markup holds a marker element where a placeholder stands for HTML (a
/// case-log entry, a link); <see cref="Compose"/> parses the markup, puts the parts in as DOM nodes and sanitizes the
/// whole document last, so no HTML is ever spliced into another as a string. The body loads nothing from a server:
/// images other than data: rasters, the template's own included, are left out with their description.
/// </summary>
public sealed class MailHtmlBody(MailAudience audience, string publicUrl)
{
    private static readonly HtmlSanitizer Sanitizer = HtmlPolicy.Mail();

    private readonly string _token = Guid.NewGuid().ToString("N")[..12];
    private readonly List<Func<IDocument, IEnumerable<INode>>> _parts = [];

    /// <returns>The marker to put into the template's markup where the nodes go.</returns>
    public string Part(Func<IDocument, IEnumerable<INode>> nodes)
    {
        _parts.Add(nodes);
        var name = $"hd-part-{_token}-{_parts.Count - 1}";
        return $"<{name}></{name}>";
    }

    /// <summary>A case-log entry's stored HTML as this audience may receive it (see <see cref="EntryNodes"/>).</summary>
    public string Entry(string storedHtml) => Part(document => EntryNodes(document, storedHtml));

    public MailAudience Audience => audience;

    public string Link(string href, string text) => Part(document => [Anchor(document, href, text)]);

    /// <summary>Several entries, each under a heading line (author and time).</summary>
    public string Entries(IEnumerable<(string Heading, string StoredHtml)> entries) => Part(document => entries.Select(entry =>
    {
        var block = document.CreateElement("div");
        var heading = document.CreateElement("p");
        var bold = document.CreateElement("b");
        bold.TextContent = entry.Heading;
        heading.AppendChild(bold);
        block.AppendChild(heading);
        foreach (var node in EntryNodes(document, entry.StoredHtml)) block.AppendChild(node);
        return (INode)block;
    }));

    public string Compose(string markup)
    {
        var document = Sanitizer.HtmlParserFactory().ParseDocument(markup);
        for (var i = 0; i < _parts.Count; i++)
            foreach (var marker in document.QuerySelectorAll($"hd-part-{_token}-{i}").ToList())
                marker.Replace([.. _parts[i](document)]);
        var body = document.Body!;
        foreach (var image in body.QuerySelectorAll("img").Where(i => !HtmlUrls.IsRasterData(i.GetAttribute("src") ?? "")).ToList())
            LeaveOut(document, image);
        // A placeholder for HTML written inside an attribute cannot hold its part; its marker is not left there.
        foreach (var element in body.Descendants<IElement>())
            foreach (var attribute in element.Attributes.Where(a => a.Value.Contains(_token, StringComparison.Ordinal)).ToList())
                element.RemoveAttribute(attribute.Name);
        Sanitizer.SanitizeDom(document, body);
        return body.ChildNodes.ToHtml(Sanitizer.OutputFormatter);
    }

    /// <summary>An entry's inline images become links into the console for agents; a customer cannot open the console.</summary>
    private IEnumerable<INode> EntryNodes(IDocument document, string storedHtml)
    {
        var holder = document.CreateElement("div");
        holder.InnerHtml = storedHtml;
        // A reply's quote is folded in the console (CaseLog.QuotedHistory); few mail programs can fold, and the others
        // would show the fold's label as a line of text. The mail carries the quote open, a block of its own.
        foreach (var fold in holder.QuerySelectorAll("details").ToList())
        {
            fold.Children.FirstOrDefault(c => c.LocalName == "summary")?.Remove();
            var block = document.CreateElement("div");
            block.Append([.. fold.ChildNodes]);
            fold.Replace(block);
        }
        if (audience == MailAudience.Agents)
            foreach (var image in holder.QuerySelectorAll("img").Where(i => HtmlUrls.IsConsoleImage(i.GetAttribute("src") ?? "")).ToList())
                image.Replace(Anchor(document, publicUrl.TrimEnd('/') + image.GetAttribute("src"), Description(image)));
        return [.. holder.ChildNodes];
    }

    // Nothing in a mail may load from a server (it would tell the sender the mail was read): only its description stays.
    private static void LeaveOut(IDocument document, IElement image)
    {
        if (image.GetAttribute("alt") is { Length: > 0 }) image.Replace(document.CreateTextNode(Description(image)));
        else image.Remove();
    }

    private static string Description(IElement image) => $"[{(image.GetAttribute("alt") is { Length: > 0 } alt ? alt : "image")}]";

    private static IElement Anchor(IDocument document, string href, string text)
    {
        var anchor = document.CreateElement("a");
        anchor.SetAttribute("href", href);
        anchor.TextContent = text;
        return anchor;
    }
}
