using AngleSharp.Html.Parser;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.HtmlSafety;

namespace Helpdesk.Tests.Core.CaseLog;

/// <summary>
/// A reply's quoted history, as the common mail programs write it, is folded in the rendered note; the sender's own words
/// stay in view, and nothing is removed.
/// </summary>
public sealed class QuotedHistoryTests
{
    private static readonly CaseLogTextRenderer Renderer = new(new UntrustedHtml());

    private static (string Shown, string Folded) RenderHtml(string html) => ShownAndFolded(Renderer.ToHtml(html, TextFormat.Html, new Dictionary<string, string>(), foldQuotedHistory: true).Html);

    private static (string Shown, string Folded) RenderPlain(string text) =>
        ShownAndFolded(Renderer.ToHtml(text.ReplaceLineEndings("\n"), TextFormat.Plain, new Dictionary<string, string>(), foldQuotedHistory: true).Html);

    // What a reader sees before opening the fold, and what the fold holds (its label left out).
    private static (string Shown, string Folded) ShownAndFolded(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var body = document.Body!;
        foreach (var lineBreak in body.QuerySelectorAll("br").ToList()) lineBreak.Replace(document.CreateTextNode(" "));
        var details = body.QuerySelectorAll("details").ToList();
        Assert.True(details.Count <= 1, html);
        if (details.Count == 0) return (Normalize(body.TextContent), "");
        Assert.Equal(QuotedHistory.Label, details[0].QuerySelector("summary")!.TextContent);
        details[0].QuerySelector("summary")!.Remove();
        var folded = Normalize(details[0].TextContent);
        details[0].Replace(document.CreateTextNode(" "));
        return (Normalize(body.TextContent), folded);
    }

    private static string Normalize(string text) => string.Join(' ', text.Replace('\u00A0', ' ').Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void ToHtml_GmailReply_FoldsTheQuoteBlock()
    {
        var (shown, folded) = RenderHtml("""
            <div dir="ltr">The printer works again, thanks!<div><br></div><div>Alice</div></div><br>
            <div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On Tue, 24 Nov 2026 at 10:00, Helpdesk &lt;support@helpdesk.test&gt; wrote:<br></div>
            <blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">We replaced the toner.</blockquote></div>
            """);
        Assert.Equal("The printer works again, thanks! Alice", shown);
        Assert.Equal("On Tue, 24 Nov 2026 at 10:00, Helpdesk <support@helpdesk.test> wrote: We replaced the toner.", folded);
    }

    [Fact]
    public void ToHtml_OutlookDesktopReply_FoldsFromTheHeaderBlockToTheEnd()
    {
        var (shown, folded) = RenderHtml("""
            <div class="WordSection1"><p class="MsoNormal">Still broken on the 3rd floor.<o:p></o:p></p>
            <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
            <div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
            <p class="MsoNormal"><b><span lang="EN-US">From:</span></b><span lang="EN-US"> Helpdesk &lt;support@helpdesk.test&gt;<br><b>Sent:</b> Tuesday, 24 November 2026 10:00<br><b>To:</b> Alice<br><b>Subject:</b> [HD-12] Printer</span></p>
            </div></div>
            <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
            <p class="MsoNormal">We replaced the toner.<o:p></o:p></p></div>
            <p>The mail is signed (S/MIME); the signature is not checked here and is kept with the mail as it came.</p>
            """);
        Assert.Equal("Still broken on the 3rd floor. The mail is signed (S/MIME); the signature is not checked here and is kept with the mail as it came.", shown);
        Assert.StartsWith("From: Helpdesk <support@helpdesk.test> Sent: Tuesday", folded);
        Assert.EndsWith("We replaced the toner.", folded);
    }

    [Fact]
    public void ToHtml_OutlookWebReply_FoldsFromTheRuleToTheEnd()
    {
        var (shown, folded) = RenderHtml("""
            <div dir="ltr">Yes, please close it.</div>
            <div id="appendonsend"></div>
            <hr style="display:inline-block;width:98%" tabindex="-1">
            <div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt"><b>From:</b> Helpdesk<br><b>Sent:</b> Tuesday, November 24, 2026 10:00 AM<br><b>Subject:</b> [HD-12] Printer</font><div>&nbsp;</div></div>
            <div>Can we close the ticket?</div>
            """);
        Assert.Equal("Yes, please close it.", shown);
        Assert.StartsWith("From: Helpdesk Sent:", folded);
        Assert.EndsWith("Can we close the ticket?", folded);
    }

    [Fact]
    public void ToHtml_ThunderbirdReply_FoldsThePrefixAndTheCitedBlock()
    {
        var (shown, folded) = RenderHtml("""
            <p>Thanks, it works.</p>
            <div class="moz-cite-prefix">Am 24.11.26 um 10:00 schrieb Helpdesk:<br></div>
            <blockquote type="cite" cite="mid:abc@helpdesk.test">We replaced the toner.</blockquote>
            <pre class="moz-signature" cols="72">-- 
            Jörg Müller</pre>
            """);
        Assert.Equal("Thanks, it works. -- Jörg Müller", shown);
        Assert.Equal("Am 24.11.26 um 10:00 schrieb Helpdesk: We replaced the toner.", folded);
    }

    [Fact]
    public void ToHtml_AppleMailReply_FoldsTheCitedBlocks()
    {
        // iOS writes the attribution in a cited block of its own, beside the quoted mail's.
        var (shown, folded) = RenderHtml("""
            <html><body dir="auto">Great, thank you.<br><br><div dir="ltr">Sent from my iPhone</div><div dir="ltr"><br>
            <blockquote type="cite">On 24. Nov 2026, at 10:00, Helpdesk &lt;support@helpdesk.test&gt; wrote:<br><br></blockquote></div>
            <blockquote type="cite"><div dir="ltr">We replaced the toner.</div></blockquote></body></html>
            """);
        Assert.Equal("Great, thank you. Sent from my iPhone", shown);
        Assert.Equal("On 24. Nov 2026, at 10:00, Helpdesk <support@helpdesk.test> wrote: We replaced the toner.", folded);

        var (macShown, macFolded) = RenderHtml("""
            <div dir="auto">Great, thank you.</div><div><br><blockquote type="cite"><div>On 24. Nov 2026, at 10:00, Helpdesk wrote:</div><br><div>We replaced the toner.</div></blockquote></div>
            """);
        Assert.Equal("Great, thank you.", macShown);
        Assert.Equal("On 24. Nov 2026, at 10:00, Helpdesk wrote: We replaced the toner.", macFolded);
    }

    [Theory]
    [InlineData("Proton Mail", """<div>Thanks!</div><div class="protonmail_quote">On Tuesday, Helpdesk wrote:<br><blockquote class="protonmail_quote" type="cite">We replaced the toner.</blockquote></div>""")]
    [InlineData("Outlook in Spanish", """<div class="WordSection1"><p>Gracias.</p><div style="border:none;border-top:solid #E1E1E1 1.0pt"><p><b>De:</b> Helpdesk<br><b>Enviado el:</b> martes, 24 de noviembre de 2026 10:00<br><b>Asunto:</b> Impresora</p></div><p>We replaced the toner.</p></div>""")]
    [InlineData("eM Client", """<div>Thanks!</div><div>------ Original Message ------</div><div>From "Helpdesk" &lt;support@helpdesk.test&gt;</div><div>We replaced the toner.</div>""")]
    public void ToHtml_OtherMailPrograms_FoldTheQuoteAndShowTheReply(string _, string html)
    {
        var (shown, folded) = RenderHtml(html);
        Assert.True(shown is "Thanks!" or "Gracias.", shown);
        Assert.EndsWith("We replaced the toner.", folded);
    }

    [Fact]
    public void ToHtml_OutlookReplyQuotingAGmailReply_FoldsFromTheFirstQuoteOn()
    {
        var (shown, folded) = RenderHtml("""
            <div class="WordSection1"><p class="MsoNormal">Fixed, thanks.</p>
            <div style="border:none;border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>From:</b> Bob<br><b>Sent:</b> Tuesday<br><b>Subject:</b> Printer</p></div>
            <p class="MsoNormal">Any news?</p>
            <div><div class="gmail_quote"><div class="gmail_attr">On Mon, Helpdesk wrote:</div><blockquote class="gmail_quote">We ordered the part.</blockquote></div></div></div>
            """);
        Assert.Equal("Fixed, thanks.", shown);
        Assert.StartsWith("From: Bob Sent: Tuesday", folded);
        Assert.EndsWith("We ordered the part.", folded);
    }

    [Theory]
    [InlineData("forwarded in a quote (Outlook header inside a Gmail forward)", """<div dir="ltr">See below.</div><div><div dir="ltr">---------- Forwarded message ---------<br>From: <b>Bob</b><br>Date: Tue<br>Subject: Invoice</div><div>The invoice is wrong.</div></div>""")]
    [InlineData("forwarded (Gmail)", """<div dir="ltr">See below.</div><div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: Bob</div><div>The invoice is wrong.</div></div>""")]
    [InlineData("only a quote", """<div class="gmail_quote"><div class="gmail_attr">On Tue, Helpdesk wrote:</div><blockquote class="gmail_quote">We replaced the toner.</blockquote></div><div><br></div>""")]
    [InlineData("answers between quotes", """<blockquote type="cite">Is it the toner?</blockquote><p>No.</p><blockquote type="cite">Which floor?</blockquote><p>Third.</p>""")]
    [InlineData("no quote", """<p>From: the 3rd floor, Sent: yesterday - that is all we know.</p><p>Alice</p>""")]
    public void ToHtml_NothingThatMightHideTheSendersWords_IsFolded(string _, string html) =>
        Assert.Equal("", RenderHtml(html).Folded);

    [Fact]
    public void ToHtml_PlainReplyWithAttribution_FoldsTheQuotedLines()
    {
        var (shown, folded) = RenderPlain("""
            Hallo,

            the printer still jams.

            Jörg

            Am 24.11.26 um 10:00 schrieb Alice Walker:
            > Hello,
            >
            > the printer jams on every page.
            """);
        Assert.Equal("Hallo, the printer still jams. Jörg", shown);
        Assert.Equal("Am 24.11.26 um 10:00 schrieb Alice Walker: > Hello, > > the printer jams on every page.", folded);
    }

    [Fact]
    public void ToHtml_PlainAttributionWrappedOntoTwoLines_IsFoldedWithIt()
    {
        var (shown, folded) = RenderPlain("""
            Works now.

            On Tue, 24 Nov 2026 at 10:00, Helpdesk Support Team <support@helpdesk.test>
            wrote:
            > We replaced the toner.

            -- 
            Alice
            """);
        Assert.Equal("Works now. -- Alice", shown);
        Assert.Equal("On Tue, 24 Nov 2026 at 10:00, Helpdesk Support Team <support@helpdesk.test> wrote: > We replaced the toner.", folded);
    }

    [Theory]
    [InlineData("-----Original Message-----\nFrom: Helpdesk\nSent: Tuesday\nSubject: Printer\n\nWe replaced the toner.")]
    [InlineData("________________________________\nFrom: Helpdesk <support@helpdesk.test>\nSent: Tuesday, November 24, 2026 10:00 AM\n\nWe replaced the toner.")]
    [InlineData("Von: Helpdesk <support@helpdesk.test>\nGesendet: Dienstag, 24. November 2026 10:00\nAn: Alice\n\nWe replaced the toner.")]
    public void ToHtml_PlainOutlookReply_FoldsFromTheHeaderToTheEnd(string quote)
    {
        var (shown, folded) = RenderPlain("Please close it.\n\nAlice\n\n" + quote);
        Assert.Equal("Please close it. Alice", shown);
        Assert.EndsWith("We replaced the toner.", folded);
    }

    [Fact]
    public void ToHtml_PlainReplyWrittenBelowTheQuote_FoldsTheQuoteAndShowsTheReply()
    {
        var (shown, folded) = RenderPlain("On Tue, 24 Nov 2026, Helpdesk wrote:\n> Which floor is the printer on?\n> Is it the HP?\n\nThe third floor, yes the HP.\n\nAlice");
        Assert.Equal("The third floor, yes the HP. Alice", shown);
        Assert.Equal("On Tue, 24 Nov 2026, Helpdesk wrote: > Which floor is the printer on? > Is it the HP?", folded);
    }

    [Theory]
    [InlineData("only a quote", "On Tue, Helpdesk wrote:\n> We replaced the toner.")]
    [InlineData("answers between quotes", "Hi,\n\n> Is it the toner?\nNo.\n> Which floor?\nThird.")]
    [InlineData("forwarded", "FYI\n\n---------- Forwarded message ---------\nFrom: Bob\nDate: Tue\n\nThe invoice is wrong.")]
    [InlineData("forwarded (Apple Mail)", "FYI\n\nBegin forwarded message:\n\nFrom: Bob\nDate: Tue\n\nThe invoice is wrong.")]
    public void ToHtml_PlainTextThatMightHideTheSendersWords_IsNotFolded(string _, string text) =>
        Assert.Equal("", RenderPlain(text).Folded);

    [Fact]
    public void ToHtml_QuotedTextWithMarkup_StaysEncodedAndSanitizedInTheFold()
    {
        var plain = Renderer.ToHtml("Done.\n\nOn Tue, Eve wrote:\n> <img src=x onerror=alert(1)>", TextFormat.Plain, new Dictionary<string, string>(), foldQuotedHistory: true).Html;
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", plain);

        var html = Renderer.ToHtml("""<p>Done.</p><div class="gmail_quote"><blockquote class="gmail_quote"><img src=x onerror="alert(1)"><script>alert(2)</script>Old</blockquote></div>""",
            TextFormat.Html, new Dictionary<string, string>(), foldQuotedHistory: true).Html;
        Assert.Contains("<details>", html);
        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("script", html);
    }

    [Fact]
    public void ToHtml_NotAskedToFold_RendersTheQuoteAsBefore()
    {
        Assert.DoesNotContain("<details>", Renderer.ToHtml("Done.\n\nOn Tue, Eve wrote:\n> Old", TextFormat.Plain, new Dictionary<string, string>()).Html);
        Assert.DoesNotContain("<details>", Renderer.ToHtml("""<p>Done.</p><div class="gmail_quote">Old</div>""", TextFormat.Html, new Dictionary<string, string>()).Html);
    }

    [Fact]
    public void MailHtmlBody_EntryWithAFoldedQuote_CarriesTheQuoteOpenWithoutTheLabel()
    {
        var stored = Renderer.ToHtml("Still jams.\n\nOn Tue, Helpdesk wrote:\n> We replaced the toner.", TextFormat.Plain, new Dictionary<string, string>(), foldQuotedHistory: true).Html;
        Assert.Contains("<details>", stored);

        var mail = new MailHtmlBody(MailAudience.Agents, "https://helpdesk.test");
        var html = mail.Compose("<p>Alice replied:</p>" + mail.Entry(stored));

        Assert.DoesNotContain("details", html);
        Assert.DoesNotContain(QuotedHistory.Label, html);
        Assert.Contains("Still jams.<div>On Tue, Helpdesk wrote:<br>&gt; We replaced the toner.</div>", html);
    }
}
