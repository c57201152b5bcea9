using System.Net;
using Helpdesk.Core.HtmlSafety;
using Markdig;

namespace Helpdesk.Core.CaseLog;

/// <summary>Turns entry text into HTML that is safe to show: plain text is encoded, markdown rendered, HTML made safe.</summary>
public sealed class CaseLogTextRenderer(UntrustedHtml untrusted)
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    /// <param name="inlineImages">Console URLs of inline images by Content-ID; markdown and HTML may refer to them as "cid:…".</param>
    /// <param name="foldQuotedHistory">Fold the earlier mail a reply quotes (<see cref="QuotedHistory"/>).</param>
    public SafeHtml ToHtml(string text, TextFormat format, IReadOnlyDictionary<string, string> inlineImages, bool foldQuotedHistory = false) => format switch
    {
        TextFormat.Markdown => untrusted.Render(Markdig.Markdown.ToHtml(text, Markdown), inlineImages),
        TextFormat.Html => untrusted.Render(text, inlineImages, foldQuotedHistory),
        _ => new SafeHtml(PlainHtml(text, foldQuotedHistory), []),
    };

    private static string PlainHtml(string text, bool foldQuotedHistory) =>
        foldQuotedHistory && QuotedHistory.Split(text) is var (own, quoted, after)
            ? $"{Encoded(own)}<details><summary>{QuotedHistory.Label}</summary>{Encoded(quoted)}</details>{Encoded(after)}"
            : Encoded(text);

    private static string Encoded(string text) => WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>");
}
