using System.Text;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.People;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>A customer's reply by mail, opened in real Chromium: their words in view, the thread they quote folded until opened.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class QuotedHistoryBrowserTests : BrowserJourney
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test" };

    private Task<int> ReceiveAsync(string raw) => ReceiveMailAsync(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")), Guid.NewGuid().ToString("N"));

    private static string Mail(string messageId, string subject, string html) => $"""
        From: Quinn Reply <quinn.reply@customer.test>
        To: support@helpdesk.test
        Subject: {subject}
        Message-ID: <{messageId}@customer.test>
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8

        {html}
        """;

    [Fact]
    public async Task TicketPage_ReplyQuotingTheThread_ShowsTheReplyAndOpensTheQuoteOnClick()
    {
        await App.Services.GetRequiredService<SavePersonCommand>().ExecuteAsync(new PersonInput(null, "Quinn Reply", "quinn.reply@customer.test", [], null, PersonRoles.EndUser, true));
        var ticketId = await ReceiveAsync(Mail("first", "Printer jams", "<div dir=\"ltr\">The printer on the 3rd floor jams.</div>"));
        Assert.Equal(ticketId, await ReceiveAsync(Mail("reply", $"Re: [HD-{ticketId}] Printer jams",
            "<div dir=\"ltr\">Still jams after the new toner.</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Tue, 24 Nov 2026 at 10:00, Helpdesk wrote:<br></div>"
            + "<blockquote class=\"gmail_quote\">We replaced the toner cartridge.</blockquote></div>")));

        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await page.GotoAsync($"{App.BaseUrl}/tickets/{ticketId}");

        var reply = page.Locator("[data-testid=case-log-text]", new() { HasText = "Still jams after the new toner." });
        await Expect(reply).ToBeVisibleAsync();
        var quote = reply.GetByText("We replaced the toner cartridge.");
        await Expect(quote).ToBeHiddenAsync();
        await BrowserSession.ScreenshotAsync(page, "case-log-quote-folded");

        await reply.GetByText(QuotedHistory.Label).ClickAsync();
        await Expect(quote).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "case-log-quote-open");
    }
}
