using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class KeyboardShortcutsBrowserTests : BrowserJourney
{
    [Fact]
    public async Task Agent_JJKThenEnter_OpensTheSecondTicketAndQuestionMarkShowsTheSheet()
    {
        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("list-keys-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("shortcuts-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var rows = page.Locator("[data-testid=ticket-table] tbody tr");
        await Expect(rows.Nth(2)).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("?");
        var sheet = page.GetByTestId("shortcut");
        await Expect(sheet).ToHaveCountAsync(5);
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Open the highlighted ticket");
        await BrowserSession.ScreenshotAsync(page, "shortcut-sheet");
        await page.GetByTestId("shortcut-sheet-close").ClickAsync();
        await Expect(sheet).ToHaveCountAsync(0);

        var search = page.Locator(".hd-global-search input");
        await search.FocusAsync();
        await page.Keyboard.TypeAsync("jj");
        await Expect(search).ToHaveValueAsync("jj");
        await Expect(page.Locator("tr.hd-row-cursor")).ToHaveCountAsync(0);
        await search.FillAsync("");
        await page.GetByTestId("list-title").ClickAsync();

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        await Expect(rows.Nth(1)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("hd-row-cursor"));
        var second = await rows.Nth(1).GetByTestId("ticket-link").GetAttributeAsync("href");
        await BrowserSession.ScreenshotAsync(page, "list-cursor");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync($"{App.BaseUrl}{second}");
    }
}
