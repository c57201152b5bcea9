using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Helpdesk.Core.CaseLog;

/// <summary>
/// The earlier mail a reply quotes above or below its own words ("On … wrote:" and "&gt;" lines, Gmail's and
/// Thunderbird's quote blocks, Outlook's "From: … Sent: …" header and what follows it). A reply's note shows it folded
/// away under <see cref="Label"/>: five replies would otherwise repeat the whole thread five times. Nothing is removed,
/// and nothing is folded where it could hide the sender's own words: not a reply that is only a quote, not one
/// answering between quoted lines, not a forwarded mail.
/// </summary>
public static partial class QuotedHistory
{
    public const string Label = "Quoted earlier mail";

    /// <summary>Folds the quoted history of the mail HTML in <paramref name="body"/>, before it is sanitized (the mail
    /// programs' class names and ids mark their quotes, and the sanitizer removes them).</summary>
    public static void Fold(IElement body)
    {
        if (HtmlQuote(body) is not { } quote || !HasContentOutside(body, quote)) return;
        var document = body.Owner!;
        var details = document.CreateElement("details");
        var summary = document.CreateElement("summary");
        summary.TextContent = Label;
        details.AppendChild(summary);
        quote[0].Parent!.InsertBefore(details, quote[0]);
        foreach (var node in quote) details.AppendChild(node);
    }

    /// <summary>Plain text split where its quoted history starts and ends; null when it has none to fold.</summary>
    public static (string Own, string Quoted, string After)? Split(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (PlainQuote(lines) is not var (start, end) || lines[..start].Concat(lines[(end + 1)..]).All(string.IsNullOrWhiteSpace)) return null;
        return (Join(lines[..start]), Join(lines[start..(end + 1)]), Join(lines[(end + 1)..]));
    }

    private static string Join(string[] lines) => string.Join('\n', lines).Trim('\n');

    // ---- HTML ----

    // A thread is often quoted by several programs in turn (an Outlook reply quoting a Gmail one): the first quote in the
    // mail is where the history starts. A forward anywhere in it keeps the whole mail open.
    private static List<INode>? HtmlQuote(IElement body)
    {
        if (Forwarded(body.TextContent)) return null;
        List<INode>?[] found =
        [
            body.QuerySelector(".gmail_quote, .yahoo_quoted, .protonmail_quote") is { } quote ? [quote] : null,
            body.QuerySelector("div.moz-cite-prefix") is { } prefix && prefix.NextElementSibling is { LocalName: "blockquote" } cited ? [prefix, cited] : null,
            body.QuerySelector("#mail-editor-reference-message-container") is { } reference ? ToEnd(reference) : null,
            body.QuerySelector("#divRplyFwdMsg") is { } owa ? ToEnd(owa.PreviousElementSibling is { LocalName: "hr" } rule ? rule : owa) : null,
            OutlookHeader(body) is { } header ? ToEnd(Outermost(header, body)) : null,
            CitedBlock(body),
        ];
        var order = body.Descendants().Select((node, i) => (node, i)).ToDictionary(n => n.node, n => n.i);
        return found.OfType<List<INode>>().MinBy(quote => order.GetValueOrDefault(quote[0], int.MaxValue));
    }

    // Outlook's desktop program heads the quoted mail with a block of "From:", "Sent:", "To:" and "Subject:" and writes the
    // quoted mail after it, in the same container; older versions and others begin with "-----Original Message-----".
    private static IElement? OutlookHeader(IElement body) =>
        body.QuerySelectorAll("div, p").FirstOrDefault(e => e.Children.All(c => c.LocalName is "b" or "span" or "br" or "font" or "strong" or "a" or "o:p")
            && (OriginalMessage().IsMatch(e.TextContent) || HeaderBlock().IsMatch(e.TextContent.Replace('\u00A0', ' '))));

    // Apple Mail and others quote in blockquote type="cite", the attribution inside it or in one of its own (iOS). Text of
    // the sender's between two of them is an answer written between quoted lines: then nothing is folded.
    private static List<INode>? CitedBlock(IElement body)
    {
        var cited = body.QuerySelectorAll("blockquote[type=cite]").Where(b => b.ParentElement?.Closest("blockquote[type=cite]") is null).ToList();
        if (cited.Count == 0) return null;
        var parent = CommonAncestor(cited[0], cited[^1]);
        var (from, to) = (ChildOf(parent, cited[0]), ChildOf(parent, cited[^1]));
        var nodes = new List<INode>();
        for (INode? node = from; node is not null; node = node == to ? null : node.NextSibling) nodes.Add(node);
        if (nodes.Any(OwnTextOutsideQuotes)) return null;
        return (from as IElement)?.PreviousElementSibling is { } attribution && Attribution().IsMatch(attribution.TextContent.Trim()) ? [attribution, .. nodes] : nodes;
    }

    private static bool OwnTextOutsideQuotes(INode node) =>
        node.DescendantsAndSelf<IText>().Any(t => HasWords(t) && t.ParentElement?.Closest("blockquote[type=cite]") is null);

    private static INode CommonAncestor(IElement first, IElement last)
    {
        var ancestors = first.Ancestors().ToHashSet();
        return last.Ancestors().First(ancestors.Contains);
    }

    private static INode ChildOf(INode parent, INode descendant)
    {
        while (descendant.Parent != parent) descendant = descendant.Parent!;
        return descendant;
    }

    // The header's wrappers (Outlook nests it in a div or two) up to the container the quoted mail continues in.
    private static IElement Outermost(IElement element, IElement body)
    {
        while (element.ParentElement is { } parent && parent != body && parent.TextContent.Trim() == element.TextContent.Trim())
            element = parent;
        return element;
    }

    private static List<INode> ToEnd(INode first)
    {
        var nodes = new List<INode>();
        for (var node = first; node is not null; node = node.NextSibling) nodes.Add(node);
        return nodes;
    }

    // The sender's own words, above the quote or (bottom-posted) below it: a reply that is only a quote is shown open.
    private static bool HasContentOutside(IElement body, List<INode> quote)
    {
        var inQuote = false;
        foreach (var node in body.Descendants())
        {
            if (node == quote[0]) inQuote = true;
            if (inQuote && quote.Any(q => q == node || q.Contains(node))) continue;
            if (node is IText text && HasWords(text)) return true;
            if (node is IElement { LocalName: "img" }) return true;
        }
        return false;
    }

    // Mail programs pad with no-break spaces (Outlook's empty paragraphs): those are no words.
    private static bool HasWords(IText text) => !string.IsNullOrWhiteSpace(text.Data.Replace('\u00A0', ' '));

    // ---- Plain text ----

    private static (int Start, int End)? PlainQuote(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (Forwarded(line)) return null;
            if (OriginalMessage().IsMatch(line) || IsUnderscoreRule(line) && NextNonBlank(lines, i + 1) is { } next && FromLine().IsMatch(lines[next])
                || FromLine().IsMatch(line) && lines.Skip(i + 1).Take(3).Any(l => SentLine().IsMatch(l)))
                return (i, lines.Length - 1);
            var attributionEnd = Attribution().IsMatch(line) ? i
                : i + 1 < lines.Length && Attribution().IsMatch(line + " " + lines[i + 1].Trim()) ? i + 1 : -1;
            if (attributionEnd >= 0 && NextNonBlank(lines, attributionEnd + 1) is { } first && IsQuoted(lines[first]))
                return QuotedRun(lines, i, first);
            if (IsQuoted(lines[i])) return QuotedRun(lines, i, i);
        }
        return null;
    }

    // The quoted lines from the first one on, blank lines among them; when more quoted lines follow after the sender's
    // own, the sender is answering between them and nothing is folded.
    private static (int, int)? QuotedRun(string[] lines, int start, int first)
    {
        var end = first;
        var i = first;
        for (; i < lines.Length && (IsQuoted(lines[i]) || string.IsNullOrWhiteSpace(lines[i])); i++)
            if (IsQuoted(lines[i])) end = i;
        return lines.Skip(i).Any(IsQuoted) ? null : (start, end);
    }

    private static bool IsQuoted(string line) => line.StartsWith('>');

    private static bool IsUnderscoreRule(string line) => line.Length >= 10 && line.All(c => c == '_');

    private static int? NextNonBlank(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
            if (!string.IsNullOrWhiteSpace(lines[i])) return i;
        return null;
    }

    private static bool Forwarded(string text) => ForwardMarker().IsMatch(text);

    [GeneratedRegex(@"-{2,}\s*(Forwarded message|Forwarded Message|Weitergeleitete Nachricht|Message transféré)\s*-{2,}|Begin forwarded message:")]
    private static partial Regex ForwardMarker();

    [GeneratedRegex(@"^\s*-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Oorspronkelijk bericht)\s*-{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    // "From: … Sent: …" as one block of text (the HTML header), in the languages Outlook writes most.
    [GeneratedRegex(@"^\s*(From|Von|De|Van|Da)\s?:.+?(Sent|Gesendet|Envoyé|Enviado( el)?|Verzonden|Inviato|Date|Datum)\s?:", RegexOptions.Singleline)]
    private static partial Regex HeaderBlock();

    [GeneratedRegex(@"^\s*\*?(From|Von|De|Van|Da)\s?:\*?\s+\S")]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^\s*\*?(Sent|Gesendet|Envoyé|Enviado( el)?|Verzonden|Inviato|Date|Datum)\s?:\*?\s+\S")]
    private static partial Regex SentLine();

    // "On Tue, 24 Nov 2026 at 10:00, Alice <alice@…> wrote:" and its translations ("Am … schrieb Alice:"); long ones are
    // wrapped onto two lines.
    [GeneratedRegex(@"^(On|Am|Le|El|Il|Op|Den|W dniu)\b.*\b(wrote|schrieb|a écrit|escribió|ha scritto|schreef|skrev|napisał)\b.*:$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();
}
