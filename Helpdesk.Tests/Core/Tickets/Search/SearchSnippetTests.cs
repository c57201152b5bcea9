using Helpdesk.Core.Tickets.Search;

namespace Helpdesk.Tests.Core.Tickets.Search;

public sealed class SearchSnippetTests
{
    [Fact]
    public void ToHtml_MarkupInTicketText_IsEncodedAndOnlyMatchesAreMarked()
    {
        var html = SearchSnippet.ToHtml("<img src=x onerror=alert(1)> \u0002vpn\u0003 & \u0002VPN\u0003");

        Assert.Equal("&lt;img src=x onerror=alert(1)&gt; <mark>vpn</mark> &amp; <mark>VPN</mark>", html);
    }

    [Theory]
    [InlineData("bob@customer.test", "\"bob customer test\"*")]
    [InlineData("vpn \"down", "\"vpn\"* \"down\"*")]
    [InlineData("* - ()", null)]
    public void From_TypedText_QuotesEachChunkAsAPhrase(string text, string? expected) =>
        Assert.Equal(expected, FtsMatch.From(text));
}
