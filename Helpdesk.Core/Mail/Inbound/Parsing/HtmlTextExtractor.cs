using System.Text;
using MimeKit.Text;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>
/// Readable plain text from HTML, as a browser lays it out: an HTML-only mail's text (its #parameters are read from it)
/// and the plain part of our own HTML mails. Source line breaks are spaces except in preformatted text, list items keep
/// their bullet or number, and a link keeps its address.
/// </summary>
public static class HtmlTextExtractor
{
    private static readonly HashSet<HtmlTagId> Blocks =
    [
        HtmlTagId.P, HtmlTagId.Div, HtmlTagId.TR, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3, HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6,
        HtmlTagId.BlockQuote, HtmlTagId.Pre, HtmlTagId.Table, HtmlTagId.HR, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.DL, HtmlTagId.DT,
        HtmlTagId.DD, HtmlTagId.Address, HtmlTagId.Center, HtmlTagId.Caption, HtmlTagId.FieldSet, HtmlTagId.Form,
    ];

    // A table's cells (monitoring tools' alerts are often a table of name and value) are words apart, not run together.
    private static readonly HashSet<HtmlTagId> Cells = [HtmlTagId.TD, HtmlTagId.TH];

    // Marks preformatted text, whose spaces and lines are kept as they came; taken out when the lines are joined.
    private const char Preformatted = '\u0001';

    public static string Convert(string html)
    {
        var (text, laidOut) = Convert(html, keepSourceLines: false);
        // Text sent as HTML without a single break or block (scripts' "-BodyAsHtml" with lines of text, #parameters
        // among them) means its lines: a browser would run them together, but the sender did not write them so.
        return laidOut ? text : Convert(html, keepSourceLines: true).Text;
    }

    private static (string Text, bool LaidOut) Convert(string html, bool keepSourceLines)
    {
        var text = new StringBuilder();
        var (skipping, preformatted, laidOut) = (0, keepSourceLines ? 1 : 0, false);
        var lists = new List<int>(); // per open list: 0 for bullets, else the next item's number
        var links = new Stack<(string? Address, int Start)>();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head:
                    skipping += tag.IsEndTag ? -1 : tag.IsEmptyElement ? 0 : 1;
                    break;
                case HtmlTagToken { Id: HtmlTagId.Br }:
                    laidOut = true;
                    text.Append('\n');
                    break;
                case HtmlTagToken { Id: HtmlTagId.LI } tag:
                    laidOut = true;
                    EndLine(text);
                    if (!tag.IsEndTag) text.Append(Bullet(lists));
                    break;
                // A list stands apart from the text around it; a list within a list item does not.
                case HtmlTagToken { Id: HtmlTagId.UL or HtmlTagId.OL } tag when !tag.IsEmptyElement:
                    laidOut = true;
                    if (tag.IsEndTag && lists.Count > 0) lists.RemoveAt(lists.Count - 1);
                    if (lists.Count > 0) EndLine(text);
                    else text.Append('\n');
                    if (!tag.IsEndTag) lists.Add(tag.Id == HtmlTagId.UL ? 0 : int.TryParse(Attribute(tag, "start"), out var start) ? start : 1);
                    break;
                case HtmlTagToken { Id: HtmlTagId.A } tag when !tag.IsEmptyElement:
                    if (!tag.IsEndTag) links.Push((Attribute(tag, "href"), text.Length));
                    else if (links.TryPop(out var link) && Shown(link.Address, text.ToString(link.Start, text.Length - link.Start)) is { } address)
                        text.Append(" <").Append(address).Append('>');
                    break;
                case HtmlTagToken tag when Blocks.Contains(tag.Id):
                    laidOut = true;
                    text.Append('\n');
                    if (tag.Id is HtmlTagId.Pre) preformatted = Math.Max(keepSourceLines ? 1 : 0, preformatted + (tag.IsEndTag ? -1 : 1));
                    break;
                case HtmlTagToken tag when Cells.Contains(tag.Id):
                    Space(text);
                    break;
                // The tokenizer has decoded the character references already: decoding again would turn text that shows
                // "&lt;" into "<".
                case HtmlDataToken data when skipping <= 0:
                    if (preformatted > 0) text.Append(Preformatted).Append(data.Data.ReplaceLineEndings("\n").Replace("\n", "\n" + Preformatted));
                    else Flow(text, data.Data);
                    break;
            }
        }
        return (Lines(text.ToString()), laidOut);
    }

    // Outside preformatted text every run of white space, line breaks too, is one space, and none starts a line.
    private static void Flow(StringBuilder text, string data)
    {
        foreach (var c in data)
        {
            if (c is ' ' or '\t' or '\r' or '\n' or '\f') Space(text);
            else text.Append(c);
        }
    }

    private static void EndLine(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
    }

    private static void Space(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] is not (' ' or '\n')) text.Append(' ');
    }

    private static string Bullet(List<int> lists)
    {
        var indent = new string(' ', 2 * Math.Max(0, lists.Count - 1));
        if (lists.Count == 0 || lists[^1] == 0) return indent + "- ";
        return $"{indent}{lists[^1]++}. ";
    }

    private static string? Attribute(HtmlTagToken tag, string name) =>
        tag.Attributes.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value?.Trim();

    /// <summary>The address to show after a link's text: web and mail addresses the text does not already show.</summary>
    private static string? Shown(string? address, string linkText)
    {
        if (string.IsNullOrEmpty(address) || !Uri.TryCreate(address, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https" or "ftp" or "mailto")) return null;
        var shown = uri.Scheme == "mailto" ? address["mailto:".Length..].Split('?')[0] : address;
        var words = linkText.Replace(Preformatted.ToString(), "").Trim();
        static string Bare(string s) => s.Replace("https://", "").Replace("http://", "").TrimEnd('/');
        return words.Length > 0 && (words.Contains(shown, StringComparison.OrdinalIgnoreCase) || Bare(words).Equals(Bare(shown), StringComparison.OrdinalIgnoreCase))
            ? null
            : shown;
    }

    /// <summary>
    /// Lines without trailing spaces, and at most one blank line between two with text: nested blocks (a list in a table
    /// cell) end several at once, and Outlook writes its empty paragraphs as a no-break space.
    /// </summary>
    private static string Lines(string text)
    {
        var lines = new StringBuilder(text.Length);
        var blank = false;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var raw = text.AsSpan(range);
            var line = (raw.Contains(Preformatted) ? raw.ToString().Replace(Preformatted.ToString(), "").AsSpan() : raw).TrimEnd();
            if (line.IsWhiteSpace())
            {
                blank = lines.Length > 0;
                continue;
            }
            if (lines.Length > 0) lines.Append(blank ? "\n\n" : "\n");
            lines.Append(line);
            blank = false;
        }
        return lines.ToString();
    }
}
