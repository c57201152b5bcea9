using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class TicketSearchBrowserTests : BrowserJourney
{
    [Fact]
    public async Task Agent_SlashThenAWordFromACaseLogEntry_FindsTheTicketWithTheWordMarked()
    {
        int ticketId;
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync())
            ticketId = await db.Set<Ticket>().OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        await App.Services.GetRequiredService<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = ticketId, Log = CaseLogKind.Private, Text = "The <i>zeppelin</i> adapter needs a new driver.",
        }, Actor.System);

        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("shortcuts-ready").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator(".hd-global-search input")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("zeppelin");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync($"{App.BaseUrl}/search?q=zeppelin");
        var result = page.GetByTestId("search-result");
        await Expect(result).ToHaveCountAsync(1);
        await Expect(result.Locator("mark")).ToHaveTextAsync("zeppelin");
        await Expect(page.GetByTestId("search-snippet")).ToContainTextAsync("The <i>zeppelin</i> adapter");
        await BrowserSession.ScreenshotAsync(page, "ticket-search");

        await result.ClickAsync();
        await Expect(page).ToHaveURLAsync($"{App.BaseUrl}/tickets/{ticketId}");
    }
}
