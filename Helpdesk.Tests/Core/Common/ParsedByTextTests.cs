using Helpdesk.Core.Common;

namespace Helpdesk.Tests.Core.Common;

public sealed class ParsedByTextTests
{
    [Fact]
    public void Get_SameTextTwice_ParsesOnce()
    {
        var parses = 0;
        var parsed = new ParsedByText<string>(text => { parses++; return text.ToUpperInvariant(); });

        var first = parsed.Get("hello");
        var second = parsed.Get("hello");

        Assert.Equal((1, "HELLO"), (parses, second));
        Assert.Same(first, second);
    }

    [Fact]
    public void Get_EditedText_ParsesTheEditedText()
    {
        var parsed = new ParsedByText<string>(text => text.ToUpperInvariant());
        parsed.Get("before");

        Assert.Equal("AFTER", parsed.Get("after"));
    }

    [Fact]
    public void Get_TextThatDoesNotParse_ThrowsEachTime()
    {
        var parses = 0;
        var parsed = new ParsedByText<string>(_ => { parses++; throw new FormatException("bad"); });

        Assert.Throws<FormatException>(() => parsed.Get("x"));
        Assert.Throws<FormatException>(() => parsed.Get("x"));
        Assert.Equal(2, parses);
    }
}
