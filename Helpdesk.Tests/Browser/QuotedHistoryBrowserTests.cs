using System.Text;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>A customer's reply by mail, opened in real Chromium: their words in view, the thread they quote folded until opened.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class QuotedHistoryBrowserTests : BrowserJourney
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test" };

    private async Task<int> ReceiveAsync(string raw)
    {
        var services = App.Services;
        var (id, _) = await services.GetRequiredService<InboundMailStore>().StoreAsync("browser", Guid.NewGuid().ToString("N"), Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")), default);
        await services.GetRequiredService<InboundMailProcessor>().ProcessAsync(id, default);
        await using var db = await services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        return (await db.Set<InboundMessage>().SingleAsync(m => m.Id == id)).TicketId ?? throw new InvalidOperationException("The mail did not become a ticket or a note.");
    }

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
