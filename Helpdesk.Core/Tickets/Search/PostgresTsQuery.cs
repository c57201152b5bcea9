using System.Text.RegularExpressions;

namespace Helpdesk.Core.Tickets.Search;

/// <summary>
/// FtsMatch's expression as a PostgreSQL tsquery for the 'simple' configuration: each quoted phrase becomes its words
/// in sequence (&lt;-&gt;) with the last one a prefix (:*), as FTS5 reads "w1 w2"*; all phrases must match (&amp;).
/// </summary>
public static partial class PostgresTsQuery
{
    public static string From(string match) =>
        string.Join(" & ", Phrase().Matches(match)
            .Select(m => FtsMatch.Words(m.Groups[1].Value).ToList())
            .Where(words => words.Count > 0)
            .Select(words => $"({string.Join(" <-> ", words.Select(w => w.ToLowerInvariant()))}:*)"));

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Phrase();
}
