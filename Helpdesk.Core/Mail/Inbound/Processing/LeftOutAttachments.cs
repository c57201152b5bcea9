using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.RegularExpressions;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Mail.Inbound.Parsing;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// A mailed-in file over the attachment limit stays out of the ticket, like an uploaded one; the entry made from the mail
/// says which file and why. The received mail keeps it (its raw copy stays under Received mail).
/// </summary>
public static partial class LeftOutAttachments
{
    public static string Explain(InboundAttachment attachment, long maxBytes) =>
        $"\"{attachment.FileName}\" ({BlobStore.FormatSize(attachment.Content.Length)}) was left out: it is larger than the attachment limit "
        + $"of {BlobStore.FormatSize(maxBytes)}. The received mail still holds it.";

    /// <summary>The entry text with the explanations appended as their own paragraphs, written in the entry's format.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? AppendTo(string? text, TextFormat format, IReadOnlyList<string> explanations)
    {
        if (explanations.Count == 0) return text;
        var paragraphs = format switch
        {
            TextFormat.Html => explanations.Select(e => $"<p>{WebUtility.HtmlEncode(e)}</p>"),
            TextFormat.Markdown => explanations.Select(e => MarkdownPunctuation().Replace(e, @"\$0")),
            _ => explanations,
        };
        var separator = format == TextFormat.Html ? "\n" : "\n\n";
        return string.Join(separator, [.. string.IsNullOrWhiteSpace(text) ? [] : new[] { text.TrimEnd() }, .. paragraphs]);
    }

    // File names are the sender's: in markdown every ASCII punctuation character is escaped so the name stays text.
    [GeneratedRegex(@"[!-/:-@\[-`{-~]")]
    private static partial Regex MarkdownPunctuation();
}
