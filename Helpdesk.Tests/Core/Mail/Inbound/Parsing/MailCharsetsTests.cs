using System.Text;
using Helpdesk.Core.Mail.Inbound.Parsing;

namespace Helpdesk.Tests.Core.Mail.Inbound.Parsing;

public sealed class MailCharsetsTests
{
    [Theory]
    [InlineData("utf-8", "Grüße aus München", "utf-8")] // declared and right
    [InlineData(null, "Grüße aus München", "utf-8")] // valid UTF-8 is taken as UTF-8
    [InlineData("us-ascii", "Grüße aus München", "utf-8")] // 8-bit bytes under us-ascii
    [InlineData("iso-8859-1", "Grüße aus München", "utf-8")] // UTF-8 labelled Latin-1
    [InlineData("utf-8", "Grüße aus München, schöne Woche", "windows-1252")] // Latin bytes labelled UTF-8
    [InlineData("x-no-such-charset", "Schöne Grüße", "windows-1252")]
    [InlineData(null, "Здравствуйте, принтер в переговорной комнате не печатает.", "koi8-r")]
    [InlineData("iso-2022-jp", "会議室のプリンター", "iso-2022-jp")]
    public void Decode_DeclaredCharsetAndBytes_GivesTheText(string? declared, string text, string writtenIn)
    {
        var bytes = Encoding.GetEncoding(writtenIn).GetBytes(text);

        var decoded = MailCharsets.Decode(bytes, declared);

        Assert.Equal(text, decoded);
    }

    [Fact]
    public void Guess_BytesNoDetectorIsSureOf_FallsBackToWindows1252()
    {
        var bytes = new byte[] { (byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)' ', 0x80, (byte)'5' };

        Assert.Equal("café €5", MailCharsets.Guess(bytes).GetString(bytes));
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("UNICODE-1-1-UTF-7")]
    public void Decode_Utf7_IsDecoded(string declared)
    {
        var decoded = MailCharsets.Decode(Encoding.ASCII.GetBytes("+ADw-p+AD4-Gr+APwA3w-e+ADw-/p+AD4-"), declared);

        Assert.Equal("<p>Grüße</p>", decoded);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData(null)]
    public void Decode_LeadingByteOrderMark_IsNotText(string? declared)
    {
        var decoded = MailCharsets.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("#team: Network\nDisk full")], declared);

        Assert.Equal("#team: Network\nDisk full", decoded);
        Assert.Equal("Network", Assert.Single(MailParameterParser.Parse(decoded).Parameters).Value);
    }
}
