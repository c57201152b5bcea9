using System.Net;
using Ganss.Xss;
using Markdig;

namespace Helpdesk.Core.CaseLog;

/// <summary>Turns entry text into HTML that is safe to show: plain text is encoded, markdown rendered, HTML sanitized.</summary>
public sealed class CaseLogTextRenderer
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string text, TextFormat format) => format switch
    {
        TextFormat.Markdown => _sanitizer.Sanitize(Markdig.Markdown.ToHtml(text, Markdown)),
        TextFormat.Html => _sanitizer.Sanitize(text),
        _ => WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>"),
    };

    /// <summary>Sanitizes HTML from outside (e.g. an inbound mail body).</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("cid");
        sanitizer.AllowedAttributes.Add("class");
        return sanitizer;
    }
}
