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
    public SafeHtml ToHtml(string text, TextFormat format, IReadOnlyDictionary<string, string> inlineImages) => format switch
    {
        TextFormat.Markdown => untrusted.Render(Markdig.Markdown.ToHtml(text, Markdown), inlineImages),
        TextFormat.Html => untrusted.Render(text, inlineImages),
        _ => new SafeHtml(WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>"), []),
    };
}
