using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Helpdesk.Tests.TestSupport.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class TicketBulkActionsBrowserTests : BrowserJourney
{
    [Fact]
    public async Task Supervisor_TicksTenUnassignedTicketsAndAssignsThem_EachIsAssignedAndAudited()
    {
        var contexts = App.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>();
        var lookups = await App.Services.GetRequiredService<TicketLookupsQuery>().ExecuteAsync();
        var agent = lookups.Agents.First(a => a.Email != ConsoleApp.AdminEmail);
        // Its own ten unassigned tickets: how many the demo data leaves unassigned depends on its random statuses.
        await App.Services.CreateTicketsAsync("Waiting for someone", 10);

        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await page.GotoAsync($"{App.BaseUrl}/tickets?view=unassigned");
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        var rows = page.Locator("[data-testid=ticket-table] tbody tr");
        await Expect(rows.Nth(9)).ToBeVisibleAsync();
        var numbers = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            numbers.Add(await rows.Nth(i).GetByTestId("ticket-link").InnerTextAsync());
            await rows.Nth(i).Locator("input[type=checkbox]").CheckAsync();
        }
        await Expect(page.GetByTestId("bulk-count")).ToHaveTextAsync("10 selected");
        await BrowserSession.ScreenshotAsync(page, "bulk-selected");

        await page.GetByTestId("bulk-assign").ClickAsync();
        await page.GetByTestId($"bulk-assign-{agent.Id}").ClickAsync();

        await Expect(page.GetByTestId("bulk-outcome")).ToContainTextAsync($"Assigned to {agent.Name}: 10 tickets.", new() { Timeout = 20_000 });
        await BrowserSession.ScreenshotAsync(page, "bulk-assigned");
        var ids = numbers.Select(n => TicketNumber.FindIn(n)!.Value).ToList();
        await using var check = await contexts.CreateDbContextAsync();
        Assert.Equal(10, await check.Set<Ticket>().CountAsync(t => ids.Contains(t.Id) && t.MemberId == agent.Id));
        Assert.Equal(10, await check.Set<TicketAuditEntry>().Where(a => ids.Contains(a.TicketId) && a.Field == TicketFields.Member && a.NewValue == agent.Name)
            .Select(a => a.TicketId).Distinct().CountAsync());
    }
}
