namespace Helpdesk.Blazor.Features.CaseLog;

/// <summary>
/// A marker the agent typed in the composer ("::" for a reply template, "@" for a mention) and what they typed right
/// after it (text[Start + marker .. End]), which filters the suggestions. Followed by comparing the text before and
/// after each input, so no caret position is needed while typing.
/// </summary>
public sealed record TypedMarker(string Marker, int Start, int End)
{
    public string QueryIn(string text) => text[(Start + Marker.Length)..End];

    /// <returns>
    /// The marker if this input completed it, with whatever the same input added after it (one input can carry several
    /// keys); "@" only at the start of a word, so addresses do not open suggestions.
    /// </returns>
    public static TypedMarker? JustTyped(string before, string after, string marker)
    {
        var (prefix, _, afterEnd) = Diff(before, after);
        if (afterEnd <= prefix) return null;
        // The last marker that ends inside what was inserted.
        var start = after.LastIndexOf(marker, afterEnd - 1, afterEnd - Math.Max(0, prefix - marker.Length + 1), StringComparison.Ordinal);
        if (start < 0 || start + marker.Length <= prefix) return null;
        if (marker == "@" && start > 0 && !char.IsWhiteSpace(after[start - 1])) return null;
        var typed = new TypedMarker(marker, start, afterEnd);
        return typed.QueryIn(after).IndexOfAny(['\n', '\r']) >= 0 ? null : typed;
    }

    /// <returns>The marker after this input, or null once the input leaves it (touches the marker, edits elsewhere, starts a new line).</returns>
    public TypedMarker? Follow(string before, string after)
    {
        var (prefix, beforeEnd, afterEnd) = Diff(before, after);
        if (prefix < Start + Marker.Length || beforeEnd > End) return null;
        var moved = this with { End = End + afterEnd - beforeEnd };
        return moved.QueryIn(after).IndexOfAny(['\n', '\r']) >= 0 ? null : moved;
    }

    /// <returns>The text with the marker and its query replaced, and where the caret goes after the insert.</returns>
    public (string Text, int Caret) Replace(string text, string insert) => (text[..Start] + insert + text[End..], Start + insert.Length);

    /// <summary>The one changed stretch: the common prefix, and where the change ends in each text.</summary>
    private static (int Prefix, int BeforeEnd, int AfterEnd) Diff(string before, string after)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix]) prefix++;
        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)]) suffix++;
        return (prefix, before.Length - suffix, after.Length - suffix);
    }
}
