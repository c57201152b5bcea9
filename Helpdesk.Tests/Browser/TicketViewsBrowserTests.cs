using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class TicketViewsBrowserTests : BrowserJourney
{
    [Fact]
    public async Task Supervisor_WatchesViews_CountsFollowChangesAndTheFilterIsInTheUrl()
    {
        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        var unassigned = page.GetByTestId("view-count-unassigned");
        await Expect(unassigned).ToBeVisibleAsync();
        var before = int.Parse(await unassigned.InnerTextAsync());

        int callerId;
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync())
            callerId = await db.Set<Person>().Where(p => p.PrimaryEmail.EndsWith("@contoso.example") || p.Roles == PersonRoles.EndUser).Select(p => p.Id).FirstAsync();
        await App.Services.GetRequiredService<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Nobody took me yet", RequestedForId = callerId }, Actor.System);

        await Expect(unassigned).ToHaveTextAsync((before + 1).ToString());
        await page.GetByTestId("view-unassigned").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{App.BaseUrl}/tickets?view=unassigned");
        await Expect(page.GetByTestId("list-title")).ToHaveTextAsync("Unassigned");
        await Expect(page.GetByTestId("ticket-subject").Filter(new() { HasText = "Nobody took me yet" })).ToBeVisibleAsync();
        await Expect(page.Locator("a.active[data-testid^=view-]")).ToHaveCountAsync(1);
        await Expect(page.Locator("a.active[data-testid=view-unassigned]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "ticket-views");

        await page.GetByTestId("status-Closed").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/tickets\?status=.*Closed.*&assignee=none$"));
        await Expect(page.Locator("a.active[data-testid^=view-]")).ToHaveCountAsync(0);
        await page.GoBackAsync();
        await Expect(page.GetByTestId("list-title")).ToHaveTextAsync("Unassigned");
    }
}
