using System.Text.RegularExpressions;

namespace Helpdesk.Core.Tickets.Search;

/// <summary>Turns what an agent typed into an FTS5 MATCH expression that cannot be a syntax error.</summary>
public static partial class FtsMatch
{
    /// <summary>
    /// Each space-separated chunk becomes a quoted phrase of its words ("bob@customer.test" → "bob customer test"), the
    /// last word a prefix; all chunks must match. Null when there is no word to look for.
    /// </summary>
    public static string? From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var phrases = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(chunk => string.Join(' ', Word().Matches(chunk).Select(m => m.Value)))
            .Where(phrase => phrase.Length > 0)
            .Select(phrase => $"\"{phrase}\"*")
            .ToList();
        return phrases.Count == 0 ? null : string.Join(' ', phrases);
    }

    /// <summary>The letters-and-digits words of <paramref name="text"/>, as <see cref="From"/> splits them.</summary>
    public static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
