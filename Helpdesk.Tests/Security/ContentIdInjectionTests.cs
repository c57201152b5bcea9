using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.HtmlSafety;

namespace Helpdesk.Tests.Security;

[Trait("Category", "Security")]
public sealed class ContentIdInjectionTests
{
    private static readonly CaseLogHtml Renderer = new(new CaseLogTextRenderer(new UntrustedHtml()));

    private static CaseLogEntry MailEntry(string html, string contentId, string contentType = "image/png")
    {
        var entry = new CaseLogEntry { AuthorName = "Mallory", Text = html, Format = TextFormat.Html, Html = "" };
        entry.Attachments.Add(new Attachment { Id = 5, FileName = "shot.png", ContentType = contentType, Sha256 = "00", ContentId = contentId });
        return entry;
    }

    [Theory]
    [InlineData("plain", "<shot@customer.test>", "<img src=\"cid:shot@customer.test\">", "/attachments/5")]
    [InlineData("other case", "<SHOT@Customer.TEST>", "<img src=\"CID:shot@customer.test\">", "/attachments/5")]
    [InlineData("whitespace", " < shot@customer.test > ", "<img src=\" cid:shot@customer.test \">", "/attachments/5")]
    [InlineData("percent-encoded", "<shot@customer.test>", "<img src=\"cid:shot%40customer.test\">", "/attachments/5")]
    [InlineData("space percent-encoded", "<a b>", "<img src=\"cid:a%20b\">", "/attachments/5")]
    [InlineData("quote eats the closing quote", "<abc\">", "<img src=\"cid:abc\" title=\"x onerror=window.__pwned=1 y\">", null)]
    [InlineData("quote and handler", "abc\" onerror=\"window.__pwned=1", "<img src=\"cid:abc&quot; onerror=&quot;window.__pwned=1\">", "/attachments/5")]
    [InlineData("angle brackets", "<x'><img src=y onerror=window.__pwned=1>", "<img src=\"cid:x%27%3E%3Cimg%20src%3Dy%20onerror%3Dwindow.__pwned%3D1%3E\">", "/attachments/5")]
    [InlineData("encoded quote", "<q\"1>", "<img src=\"cid:q%221\" alt=\"a\">", "/attachments/5")]
    [InlineData("no such attachment", "<shot@customer.test>", "<img src=\"cid:other@customer.test\">", null)]
    public void Render_ContentId_IsMatchedNeverSpliced(string vector, string contentId, string html, string? expectedSource)
    {
        var entry = MailEntry($"<p>{vector}</p>{html}", contentId);

        Renderer.Render(entry, ticketSourceInboundId: null);

        var images = InertHtml.Assert(entry.Html).QuerySelectorAll("img");
        Assert.Equal(expectedSource is null ? [] : [expectedSource], images.Select(i => i.GetAttribute("src")));
        Assert.All(images, i => Assert.Equal(["src"], i.Attributes.Select(a => a.Name).Where(n => n != "alt")));
    }

    [Fact]
    public void Render_SvgAttachmentAsInlineImage_IsNotShown()
    {
        var entry = MailEntry("<img src=\"cid:logo\">", "<logo>", "image/svg+xml");

        Renderer.Render(entry, ticketSourceInboundId: null);

        Assert.Empty(InertHtml.Assert(entry.Html).QuerySelectorAll("img"));
    }
}
