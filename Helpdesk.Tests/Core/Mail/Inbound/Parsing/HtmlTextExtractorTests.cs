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

        Assert.Equal("a b\n\nc\nd\n\n- e\n- f", HtmlTextExtractor.Convert(html));
    }

    [Fact]
    public void Convert_TableCellsListsAndRules_KeepTheirWordsApart()
    {
        var html = "<table><tr><th>Host</th><td>db01</td></tr></table>before<hr>after<dl><dt>Term</dt><dd>Meaning</dd></dl><ol><li>one</li></ol>";

        Assert.Equal("Host db01\n\nbefore\nafter\n\nTerm\n\nMeaning\n\n1. one", HtmlTextExtractor.Convert(html));
    }

    [Fact]
    public void Convert_SourceLineBreaks_AreSpacesOutsidePreformattedTextWhoseLinesAndIndentsStay()
    {
        var html = "<p class=MsoNormal>The printer on the third floor\r\ndoes not   print.<o:p></o:p></p><pre>disk  /srv\n  98% full\n</pre><p>after</p>";

        Assert.Equal("The printer on the third floor does not print.\n\ndisk  /srv\n  98% full\n\nafter", HtmlTextExtractor.Convert(html));
    }

    [Fact]
    public void Convert_Lists_KeepBulletsNumbersAndNesting()
    {
        var html = "<p>Steps:</p><ol start=\"3\"><li>Open the VPN client</li><li>Connect<ul><li>as <b>you</b></li><li>twice</li></ul></li></ol><ul>\n<li>done</li>\n</ul>";

        Assert.Equal("Steps:\n\n3. Open the VPN client\n4. Connect\n  - as you\n  - twice\n\n- done", HtmlTextExtractor.Convert(html));
    }

    [Theory]
    [InlineData("<a href=\"https://help.test/tickets/7\">HD-7</a>", "HD-7 <https://help.test/tickets/7>")]
    [InlineData("<a href=\"https://help.test/tickets/7\">https://help.test/tickets/7</a>", "https://help.test/tickets/7")]
    [InlineData("<a href=\"https://help.test/\">help.test</a>", "help.test")]
    [InlineData("<a href=\"mailto:ann@x.test\">ann@x.test</a>", "ann@x.test")]
    [InlineData("<a href=\"mailto:ann@x.test?subject=Hi\">Ann</a>", "Ann <ann@x.test>")]
    [InlineData("<a href=\"/tickets/7\">HD-7</a>", "HD-7")]
    [InlineData("<a href=\"javascript:alert(1)\">Click</a>", "Click")]
    [InlineData("<a href=\"cid:logo@x\"><img src=\"cid:logo@x\"></a>after", "after")]
    public void Convert_Links_KeepTheAddressTheTextDoesNotShow(string html, string text) =>
        Assert.Equal(text, HtmlTextExtractor.Convert(html));

    [Fact]
    public void Convert_LinesOfTextWithoutAnyBreakOrBlock_KeepTheirLines()
    {
        var html = "<html><body>#team: Network\r\n#impact: high\r\nHost <b>db01</b> is down</body></html>";

        Assert.Equal("#team: Network\n#impact: high\nHost db01 is down", HtmlTextExtractor.Convert(html));
    }
}
