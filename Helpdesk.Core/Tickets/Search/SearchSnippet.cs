using System.Net;
using System.Text;

namespace Helpdesk.Core.Tickets.Search;

/// <summary>An FTS5 snippet as HTML: every piece of ticket text encoded, only the matches wrapped in &lt;mark&gt;.</summary>
public static class SearchSnippet
{
    // Control characters that no ticket text shows; snippet() puts them around each match.
    public const char MatchStart = '\u0002';
    public const char MatchEnd = '\u0003';

    public static string ToHtml(string? snippet)
    {
        var html = new StringBuilder();
        var inMatch = false;
        foreach (var part in (snippet ?? "").Split([MatchStart, MatchEnd]))
        {
            if (part.Length > 0)
            {
                if (inMatch) html.Append("<mark>");
                html.Append(WebUtility.HtmlEncode(part.ReplaceLineEndings(" ")));
                if (inMatch) html.Append("</mark>");
            }
            inMatch = !inMatch;
        }
        return html.ToString();
    }
}
