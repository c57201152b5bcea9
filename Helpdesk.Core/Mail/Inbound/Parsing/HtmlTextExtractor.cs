using System.Text;
using MimeKit.Text;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>Readable plain text from an HTML-only mail body (parameters are read from it).</summary>
public static class HtmlTextExtractor
{
    private static readonly HashSet<HtmlTagId> LineBreaks =
    [
        HtmlTagId.Br, HtmlTagId.P, HtmlTagId.Div, HtmlTagId.LI, HtmlTagId.TR, HtmlTagId.H1, HtmlTagId.H2,
        HtmlTagId.H3, HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.BlockQuote, HtmlTagId.Pre, HtmlTagId.Table,
    ];

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
                // The tokenizer has decoded the character references already: decoding again would turn text that shows
                // "&lt;" into "<".
                case HtmlDataToken data when skipping <= 0:
                    text.Append(data.Data);
                    break;
            }
        }
        var lines = text.ToString().ReplaceLineEndings("\n").Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines).Trim();
    }
}
