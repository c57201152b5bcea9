using Helpdesk.Core.Mail.Inbound.Parsing;

namespace Helpdesk.Tests.Core.Mail.Inbound.Parsing;

public sealed class AutomatedMailDetectorTests
{
    private static AutomatedMailVerdict Classify(string fixture)
    {
        var raw = InboundMailReaderTests.Fixture(fixture);
        var message = InboundMailReader.Load(raw);
        return AutomatedMailDetector.Classify(message, InboundMailReader.Read(message, raw).FromAddress, new());
    }

    [Theory]
    [InlineData("plain.eml", AutomatedMailKind.None)]
    [InlineData("out-of-office.eml", AutomatedMailKind.AutoSubmitted)]
    [InlineData("mailing-list.eml", AutomatedMailKind.Bulk)]
    [InlineData("dsn-bounce.eml", AutomatedMailKind.Bounce)]
    public void Classify_Fixture_GivesKind(string fixture, AutomatedMailKind kind)
    {
        Assert.Equal(kind, Classify(fixture).Kind);
    }

    [Fact]
    public void Classify_Bounce_FindsTheMessageIdThatBounced()
    {
        Assert.Equal("<outbound-42@helpdesk.test>", Classify("dsn-bounce.eml").OriginalMessageId);
    }

    [Theory]
    [InlineData("Precedence: bulk", AutomatedMailKind.Bulk)]
    [InlineData("Precedence: junk", AutomatedMailKind.Bulk)]
    [InlineData("X-Auto-Response-Suppress: All", AutomatedMailKind.AutoSubmitted)]
    [InlineData("X-Auto-Response-Suppress: DR, RN", AutomatedMailKind.AutoSubmitted)]
    [InlineData("X-Auto-Response-Suppress: ", AutomatedMailKind.None)]
    [InlineData("Auto-Submitted: auto-generated", AutomatedMailKind.AutoSubmitted)]
    [InlineData("Auto-Submitted: no", AutomatedMailKind.None)]
    public void Classify_Header_GivesKind(string header, AutomatedMailKind kind)
    {
        var raw = System.Text.Encoding.ASCII.GetBytes($"From: a@x.test\r\nTo: s@h.test\r\n{header}\r\nSubject: hi\r\n\r\nbody\r\n");
        var message = InboundMailReader.Load(raw);

        Assert.Equal(kind, AutomatedMailDetector.Classify(message, "a@x.test", new()).Kind);
    }
}
