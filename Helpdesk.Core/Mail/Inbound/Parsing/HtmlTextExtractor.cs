using System.Text;
using MimeKit.Text;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>Readable plain text from HTML: an HTML-only mail's text (its #parameters are read from it) and the plain part of our own HTML mails.</summary>
public static class HtmlTextExtractor
{
    private static readonly HashSet<HtmlTagId> LineBreaks =
    [
        HtmlTagId.Br, HtmlTagId.P, HtmlTagId.Div, HtmlTagId.LI, HtmlTagId.TR, HtmlTagId.H1, HtmlTagId.H2,
        HtmlTagId.H3, HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.BlockQuote, HtmlTagId.Pre, HtmlTagId.Table,
        HtmlTagId.HR, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.DL, HtmlTagId.DT, HtmlTagId.DD, HtmlTagId.Address, HtmlTagId.Center,
        HtmlTagId.Caption, HtmlTagId.FieldSet, HtmlTagId.Form,
    ];

    // A table's cells (monitoring tools' alerts are often a table of name and value) are words apart, not run together.
    private static readonly HashSet<HtmlTagId> CellBreaks = [HtmlTagId.TD, HtmlTagId.TH];

    public static string Convert(string html)
    {
        var text = new StringBuilder();
        var skipping = 0;
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head:
                    skipping += tag.IsEndTag ? -1 : tag.IsEmptyElement ? 0 : 1;
                    break;
                case HtmlTagToken tag when LineBreaks.Contains(tag.Id):
                    text.Append('\n');
                    break;
                case HtmlTagToken tag when CellBreaks.Contains(tag.Id):
                    text.Append(' ');
                    break;
                // The tokenizer has decoded the character references already: decoding again would turn text that shows
                // "&lt;" into "<".
                case HtmlDataToken data when skipping <= 0:
                    text.Append(data.Data);
                    break;
            }
        }
        return Lines(text.ToString());
    }

    /// <summary>
    /// Each line's spaces collapsed, and at most one blank line between two with text: nested blocks (a list in a table
    /// cell) end several at once, and Outlook writes its empty paragraphs as a no-break space.
    /// </summary>
    private static string Lines(string text)
    {
        var lines = new StringBuilder();
        var blank = false;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = string.Join(' ', raw.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (string.IsNullOrWhiteSpace(line))
            {
                blank = lines.Length > 0;
                continue;
            }
            if (lines.Length > 0) lines.Append(blank ? "\n\n" : "\n");
            lines.Append(line.Trim());
            blank = false;
        }
        return lines.ToString();
    }
}
