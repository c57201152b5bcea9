using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Views;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Helpdesk.Tests.TestSupport.Builders;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class TicketViewsAdminBrowserTests : BrowserJourney
{
    [Fact]
    public async Task Admin_CreatesView_ItsLiveCountFollowsANewMatchingTicket()
    {
        var agent = await Browser.NewPageAsync();
        await new LoginPageModel(agent).LogInAsync(App.BaseUrl, "agent@helpdesk.local", "Demo-Agent-2026");
        await LoginPageModel.WaitUntilInteractiveAsync(agent);
        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("nav-admin-views").ClickAsync();
        await Expect(page.GetByTestId("no-views")).ToBeVisibleAsync();

        await page.GetByTestId("new-view").ClickAsync();
        await page.GetByTestId("save-view").ClickAsync();
        await Expect(page.GetByTestId("view-error")).ToContainTextAsync("Name: A name is required.");
        await page.GetByTestId("view-name").FillAsync("Zebra printers");
        await page.GetByTestId("view-text").FillAsync("zebra");
        await page.GetByTestId("view-column-Impact").CheckAsync();
        await page.GetByTestId("view-column-Updated").UncheckAsync();
        await page.GetByTestId("save-view").ClickAsync();
        await Expect(page.GetByTestId("view-row")).ToContainTextAsync("containing \"zebra\"");
        await BrowserSession.ScreenshotAsync(page, "ticket-views-admin-page");

        var id = await SavedViewIdAsync();
        var count = page.GetByTestId($"view-count-custom-{id}");
        await Expect(count).ToHaveTextAsync("0");
        // Another agent, signed in before the view existed, sees it at once and its count follows without reloading.
        var agentCount = agent.GetByTestId($"view-count-custom-{id}");
        await Expect(agentCount).ToHaveTextAsync("0");
        await App.Services.GetRequiredService<CreateTicketCommand>().ExecuteAsync(
            new NewTicket { Subject = "Zebra printer jammed", RequestedForId = await App.Services.FirstEndUserIdAsync(), Impact = TicketImpact.Top }, Actor.System);
        await Expect(count).ToHaveTextAsync("1");
        await Expect(agentCount).ToHaveTextAsync("1");

        await page.GetByTestId($"view-custom-{id}").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{App.BaseUrl}/tickets?view=custom-{id}");
        await Expect(page.GetByTestId("list-title")).ToHaveTextAsync("Zebra printers");
        await Expect(page.GetByTestId("ticket-subject")).ToHaveTextAsync("Zebra printer jammed");
        await Expect(page.GetByTestId("ticket-impact")).ToHaveTextAsync("Top");
        await Expect(page.GetByTestId("column-Updated")).ToHaveCountAsync(0);
        await Expect(page.Locator($"a.active[data-testid=view-custom-{id}]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "ticket-views-admin");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("list-title")).ToHaveTextAsync("Zebra printers");
        await Expect(page.GetByTestId("ticket-subject")).ToHaveTextAsync("Zebra printer jammed");
    }

    private async Task<int> SavedViewIdAsync() =>
        (await App.Services.GetRequiredService<SavedTicketViewListQuery>().ExecuteAsync()).Single().Id!.Value;

}
