using Helpdesk.Core.Mail.Inbound.Parsing;

namespace Helpdesk.Tests.Core.Mail.Inbound.Parsing;

public sealed class RtfTextTests
{
    [Fact]
    public void ToPlainText_OutlookStyleDocument_KeepsParagraphsAndSkipsTables()
    {
        const string rtf = @"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Calibri;}}{\colortbl;\red0\green0\blue0;}" +
            @"{\*\generator Riched20 16.0;}\viewkind4\uc1\pard\f0\fs22 Hello team,\par\par The printer is \b down\b0  again.\par}";

        Assert.Equal("Hello team,\n\nThe printer is down again.", RtfText.ToPlainText(rtf));
    }

    [Fact]
    public void ToPlainText_EscapedCharacters_ReadInTheDocumentsCodePageAndUnicode()
    {
        const string rtf = @"{\rtf1\ansi\ansicpg1252 Gr\'fc\'dfe aus M\'fcnchen \u8364? 5\par Zeile\tab Tab \{x\} \\ end}";

        Assert.Equal("Grüße aus München € 5\nZeile\tTab {x} \\ end", RtfText.ToPlainText(rtf));
    }

    [Fact]
    public void ToPlainText_MultiByteCodePage_DecodesHexPairsTogether()
    {
        // "打印" in GB2312 (code page 936) is four hex-escaped bytes.
        const string rtf = @"{\rtf1\ansi\ansicpg936 \'b4\'f2\'d3\'a1\par}";

        Assert.Equal("打印", RtfText.ToPlainText(rtf));
    }

    [Fact]
    public void ToPlainText_HtmlEncapsulatedByOutlook_HtmlTagsAreSkippedTextKept()
    {
        const string rtf = @"{\rtf1\ansi\fromhtml1 {\*\htmltag19 <html>}{\*\htmltag50 <body>}\htmlrtf {\htmlrtf0 Disk is full\htmlrtf \par}\htmlrtf0 {\*\htmltag58 </body>}}";

        Assert.Equal("Disk is full", RtfText.ToPlainText(rtf));
    }
}
