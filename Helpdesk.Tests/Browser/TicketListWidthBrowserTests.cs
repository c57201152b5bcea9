using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>The ticket list beside the open navigation: no column is cut off at the right edge.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class TicketListWidthBrowserTests : BrowserJourney
{
    private const string ColumnsCutOff = """
        () => {
            const container = document.querySelector('[data-testid=ticket-table] .mud-table-container');
            const visibleRight = Math.min(container.getBoundingClientRect().right, window.innerWidth);
            return [...document.querySelectorAll('[data-testid=ticket-table] thead th')]
                .filter(th => th.getBoundingClientRect().right > visibleRight + 1)
                .map(th => th.textContent.trim());
        }
        """;

    private async Task<IPage> ListWithALongSubjectAsync(int width, bool navigationBeside = true)
    {
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync())
        {
            var ticket = await db.Set<Ticket>().OrderByDescending(t => t.UpdatedAt).FirstAsync();
            ticket.Subject = string.Join(' ', Enumerable.Repeat("Printer on the third floor jams on every duplex job", 8));
            await db.SaveChangesAsync();
        }
        var context = await Browser.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        if (navigationBeside) await Expect(page.GetByTestId("nav-tickets")).ToBeInViewportAsync();
        await Expect(page.GetByTestId("ticket-subject").First).ToBeVisibleAsync();
        return page;
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(1280)]
    public async Task TicketList_NavigationOpen_EveryColumnFitsBesideIt(int width)
    {
        var page = await ListWithALongSubjectAsync(width);
        await BrowserSession.ScreenshotAsync(page, $"list-{width}-nav-open", fullPage: false);

        var cut = await page.EvaluateAsync<string[]>(ColumnsCutOff);
        Assert.True(cut.Length == 0, string.Join("\n", cut));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
    }

    [Fact]
    public async Task TicketList_PhoneWidth_EachCellShowsItsColumnNameAndTheCheckboxItsState()
    {
        var page = await ListWithALongSubjectAsync(400, navigationBeside: false);
        var row = page.Locator("[data-testid=ticket-table] tbody tr").First;
        await BrowserSession.ScreenshotAsync(page, "list-400-phone", fullPage: false);

        // Every row is a card as wide as the screen, the long subject wrapping inside it.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        Assert.True(await page.EvaluateAsync<bool>("() => { const c = document.querySelector('[data-testid=ticket-table] .mud-table-container'); return c.scrollWidth <= c.clientWidth; }"),
            "the cards are wider than the screen");
        Assert.True(await row.GetByTestId("ticket-subject").EvaluateAsync<bool>("td => td.getBoundingClientRect().right <= window.innerWidth"));
        Assert.True(await row.GetByTestId("ticket-subject").EvaluateAsync<bool>("td => td.scrollHeight <= td.clientHeight"), "the subject is cut off");
        Assert.Equal("\"Subject\"", await row.GetByTestId("ticket-subject").EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        Assert.Equal("\"Updated\"", await row.Locator("td.hd-col-Updated").EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));

        // Both of MudCheckBox's icons are there; the browser's own checked state shows one.
        const string shownIcon = "label => [...label.querySelectorAll('path[class]')].filter(p => getComputedStyle(p).display !== 'none').map(p => p.getAttribute('class')).join()";
        var checkbox = row.Locator("label.hd-row-check");
        Assert.Equal("hd-box-empty", await checkbox.EvaluateAsync<string>(shownIcon));
        await checkbox.Locator("input[type=checkbox]").CheckAsync();
        await Expect(page.GetByTestId("bulk-count")).ToHaveTextAsync("1 selected");
        Assert.Equal("hd-box-checked", await checkbox.EvaluateAsync<string>(shownIcon));
        await BrowserSession.ScreenshotAsync(page, "list-400-phone-checked", fullPage: false);
    }

    [Fact]
    public async Task TicketList_TooNarrowForEveryColumn_TableScrollsInsteadOfCuttingThemOff()
    {
        var page = await ListWithALongSubjectAsync(1024);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await page.EvaluateAsync("() => { const c = document.querySelector('[data-testid=ticket-table] .mud-table-container'); c.scrollLeft = c.scrollWidth; }");
        Assert.Empty(await page.EvaluateAsync<string[]>(ColumnsCutOff));
    }

    [Fact]
    public async Task TicketList_TeamAndPageSizePickedFromTheBrowsersOwnLists_ListFollowsAndTheLabelsStayAbove()
    {
        string team;
        int inTeam;
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync())
        {
            var busiest = await db.Set<Ticket>().Where(t => t.TeamId != null).GroupBy(t => t.Team!.Name)
                .Select(g => new { Name = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync();
            (team, inTeam) = (busiest.Name, busiest.Count);
        }
        var page = await ListWithALongSubjectAsync(1400);
        await page.GotoAsync($"{App.BaseUrl}/tickets?view=all");
        await LoginPageModel.WaitUntilInteractiveAsync(page);

        await page.GetByTestId("filter-team").SelectOptionAsync(new SelectOptionValue { Label = team });
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"[?&]team=\d+"));
        await Expect(page.GetByTestId("ticket-total")).ToHaveTextAsync($"{inTeam} {(inTeam == 1 ? "ticket" : "tickets")}");
        await page.GetByTestId("page-size").SelectOptionAsync("10");
        await Expect(page.GetByTestId("ticket-subject")).ToHaveCountAsync(Math.Min(10, inTeam));
        await Expect(page.GetByTestId("page-size")).ToHaveValueAsync("10");
        await BrowserSession.ScreenshotAsync(page, "list-team-filter", fullPage: false);

        // The label sits above the chosen value, as MudSelect's does, not over it.
        var label = await page.Locator("label[for]", new() { HasText = "Team" }).BoundingBoxAsync();
        var select = await page.GetByTestId("filter-team").BoundingBoxAsync();
        Assert.True(label!.Y + label.Height <= select!.Y + 2, $"label at {label.Y}+{label.Height}, select at {select.Y}");
    }
}
