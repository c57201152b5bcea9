using Helpdesk.Core.Mail.Inbound.Parsing;

namespace Helpdesk.Tests.Core.Mail.Inbound.Parsing;

public sealed class HtmlTextExtractorTests
{
    [Theory]
    [InlineData("<p>x &lt;y&gt; &amp; z &eacute;t&#233; &#x2713;</p>", "x <y> & z été ✓")]
    [InlineData("<p>Write &amp;lt;br&amp;gt; or &amp;amp;nbsp;</p>", "Write &lt;br&gt; or &amp;nbsp;")]
    [InlineData("<p>https://shop.test/?a=1&amp;copy;=2</p>", "https://shop.test/?a=1&copy;=2")]
    public void Convert_CharacterReferences_AreDecodedOnceAsABrowserShowsThem(string html, string text) =>
        Assert.Equal(text, HtmlTextExtractor.Convert(html));

    [Fact]
    public void Convert_BlocksAndBreaks_BecomeLinesWithoutScriptsStylesOrHead()
    {
        var html = "<html><head><title>t</title><style>p{}</style></head><body><div>a   b</div><div>c<br>d</div><script>alert(1)</script><ul><li>e</li><li>f</li></ul></body></html>";

        Assert.Equal("a b\n\nc\nd\n\ne\n\nf", HtmlTextExtractor.Convert(html));
    }

    [Fact]
    public void Convert_TableCellsListsAndRules_KeepTheirWordsApart()
    {
        var html = "<table><tr><th>Host</th><td>db01</td></tr></table>before<hr>after<dl><dt>Term</dt><dd>Meaning</dd></dl><ol><li>one</li></ol>";

        Assert.Equal("Host db01\n\nbefore\nafter\n\nTerm\n\nMeaning\n\none", HtmlTextExtractor.Convert(html));
    }
}
