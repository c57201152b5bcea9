using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class TicketConversationBrowserTests : BrowserJourney
{
    private async Task<IPage> TicketPageAsync()
    {
        var page = await Browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await page.GotoAsync(App.BaseUrl + "/tickets/1");
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("ticket-summary")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task Agent_OpensTicketAt1440x900_ComposerAndConversationOnFirstScreen()
    {
        var page = await TicketPageAsync();

        await Expect(page.GetByTestId("editor-public")).ToBeInViewportAsync();
        await Expect(page.GetByTestId("case-log-entry").First).ToBeInViewportAsync();
        await Expect(page.GetByTestId("header-editor")).ToBeHiddenAsync();
        await BrowserSession.ScreenshotAsync(page, "ticket-conversation-1440x900", fullPage: false);
    }

    [Fact]
    public async Task Agent_ChoosesNewestOnTop_OrderIsRememberedAfterReload()
    {
        var page = await TicketPageAsync();
        await page.GetByTestId("timeline-order").ClickAsync();
        await Expect(page.GetByTestId("timeline-order")).ToContainTextAsync("Newest on top");

        await page.ReloadAsync();
        await LoginPageModel.WaitUntilInteractiveAsync(page);

        await Expect(page.GetByTestId("timeline-order")).ToContainTextAsync("Newest on top");
    }

    [Fact]
    public async Task Agent_TypesDraftAndReloads_DraftIsRestored()
    {
        var page = await TicketPageAsync();
        var editor = page.GetByTestId("editor-public");
        await editor.Locator("textarea[data-testid=entry-text]").FillAsync("Half-written answer that must survive a reload");
        await WaitForServerDraftAsync();

        await page.ReloadAsync();
        await LoginPageModel.WaitUntilInteractiveAsync(page);

        await Expect(page.GetByTestId("editor-public").Locator("textarea[data-testid=entry-text]"))
            .ToHaveValueAsync("Half-written answer that must survive a reload");
        await BrowserSession.ScreenshotAsync(page, "draft-restored-after-reload", fullPage: false);
    }

    private async Task WaitForServerDraftAsync()
    {
        var contexts = App.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>();
        for (var i = 0; i < 100; i++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            if (await db.Set<CaseLogDraft>().AnyAsync()) return;
            await Task.Delay(100);
        }
        Assert.Fail("The draft never reached the server.");
    }

    [Fact]
    public async Task TwoAgentsEditSubject_SecondSeesBothVersionsAndChooses()
    {
        var mine = await TicketPageAsync();
        var theirs = await TicketPageAsync();
        await mine.GetByTestId("edit-fields").ClickAsync();
        await mine.Locator("input[data-testid=field-subject]").FillAsync("VPN drops: mine");
        await theirs.GetByTestId("edit-fields").ClickAsync();
        await theirs.Locator("input[data-testid=field-subject]").FillAsync("VPN drops: theirs");

        await theirs.GetByTestId("save-ticket").ClickAsync();

        var row = mine.Locator("[data-testid=conflict-row][data-field=Subject]");
        await Expect(row.GetByTestId("conflict-mine")).ToHaveTextAsync("VPN drops: mine");
        await Expect(row.GetByTestId("conflict-theirs")).ToHaveTextAsync("VPN drops: theirs");
        await Expect(mine.Locator("input[data-testid=field-subject]")).ToHaveValueAsync("VPN drops: mine");
        await Expect(mine.GetByTestId("ticket-title")).ToContainTextAsync("VPN drops: theirs");
        await BrowserSession.ScreenshotAsync(mine, "conflict-both-versions", fullPage: false);

        await row.GetByTestId("keep-mine").ClickAsync();
        await mine.GetByTestId("save-ticket").ClickAsync();

        await Expect(theirs.GetByTestId("ticket-title")).ToContainTextAsync("VPN drops: mine");
    }

    [Fact]
    public async Task SecondAgentOpensAndTypes_FirstSeesPresenceAndTypingWithinASecond()
    {
        var first = await TicketPageAsync();
        await Expect(first.GetByTestId("presence-viewer")).ToHaveCountAsync(0);

        var second = await TicketPageAsync();

        await Expect(first.GetByTestId("presence-viewer")).ToHaveCountAsync(1, new() { Timeout = 1000 });
        await Expect(second.GetByTestId("presence-viewer")).ToHaveCountAsync(1, new() { Timeout = 1000 });
        await second.GetByTestId("editor-public").Locator("textarea[data-testid=entry-text]").PressSequentiallyAsync("On it");
        await Expect(first.GetByTestId("presence-typing")).ToContainTextAsync("typing a public reply", new() { Timeout = 1000 });
        await BrowserSession.ScreenshotAsync(first, "presence-typing", fullPage: false);
    }
}
