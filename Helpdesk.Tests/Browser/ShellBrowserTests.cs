using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.People;
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
public sealed class ShellBrowserTests : BrowserJourney
{
    private async Task<IPage> LogInAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        return page;
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    [Fact]
    public async Task Agent_OnAPhone_DrawerReachesEveryPageAndTicketsShowAsCards()
    {
        var page = await LogInAsync(new() { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await Expect(page.GetByTestId("ticket-link").First).ToBeVisibleAsync();

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        Assert.Contains("mud-xs-table", await page.GetByTestId("ticket-table").GetAttributeAsync("class") ?? "");
        await Expect(page.GetByTestId("nav-tickets")).Not.ToBeInViewportAsync();
        await BrowserSession.ScreenshotAsync(page, "mobile-list", fullPage: false);

        // The menu button shows the drawer over the page; a tap beside it hides it again.
        await page.GetByTestId("drawer-toggle").ClickAsync();
        await Expect(page.GetByTestId("nav-tickets")).ToBeInViewportAsync();
        await Expect(page.GetByTestId("drawer-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Mouse.ClickAsync(380, 600);
        await Expect(page.GetByTestId("nav-tickets")).Not.ToBeInViewportAsync();
        await Expect(page.GetByTestId("drawer-toggle")).ToHaveAttributeAsync("aria-expanded", "false");

        await page.GetByTestId("drawer-toggle").ClickAsync();
        await Expect(page.GetByTestId("nav-tickets")).ToBeInViewportAsync();
        await BrowserSession.ScreenshotAsync(page, "mobile-drawer", fullPage: false);
        var mailboxes = page.GetByRole(AriaRole.Link, new() { Name = "Mailboxes" });
        await mailboxes.ScrollIntoViewIfNeededAsync();
        await mailboxes.ClickAsync();

        await Expect(page).ToHaveURLAsync($"{App.BaseUrl}/admin/mail/mailboxes");
        await Expect(page.GetByTestId("email-policy")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-tickets")).Not.ToBeInViewportAsync(); // the drawer closed behind the link
        // Hidden, the drawer's links are out of the page's accessibility tree and tab order; the link is still marked current.
        await Expect(mailboxes).Not.ToBeVisibleAsync();
        await Expect(page.Locator("a[href='/admin/mail/mailboxes']")).ToHaveAttributeAsync("aria-current", "page");
    }

    [Fact]
    public async Task Agent_OnADesktop_DrawerBesideThePageHidesWhenTheWindowNarrows_WithoutMudBlazorListeners()
    {
        var page = await LogInAsync(new() { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        await Expect(page.GetByTestId("ticket-link").First).ToBeVisibleAsync();

        // Beside the page, no menu button: the content starts where the drawer ends.
        await Expect(page.GetByTestId("nav-tickets")).ToBeInViewportAsync();
        await Expect(page.GetByTestId("drawer-toggle")).Not.ToBeVisibleAsync();
        var (drawer, content) = (await page.GetByTestId("nav-drawer").BoundingBoxAsync(), await page.Locator(".mud-main-content").BoundingBoxAsync());
        Assert.True(content!.X >= drawer!.X + drawer.Width - 1, $"the content starts at {content.X}, the drawer ends at {drawer.X + drawer.Width}");

        // CSS alone follows the window: narrower than 960 px the drawer goes, and the menu button comes.
        await page.SetViewportSizeAsync(800, 900);
        await Expect(page.GetByTestId("nav-tickets")).Not.ToBeInViewportAsync();
        await Expect(page.GetByTestId("drawer-toggle")).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await Expect(page.GetByTestId("nav-tickets")).ToBeInViewportAsync();

        // Nothing on the page asked MudBlazor's scripts to watch the window's size or the keyboard: each cost the page's
        // circuit a JavaScript round trip, a .NET object reference and serializer metadata on the server.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(window.mudResizeListenerFactory?.mapping ?? {}).length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('*')].filter(e => e.mudKeyInterceptor).length"));
    }

    [Fact]
    public async Task Agent_ChoosesDarkTheme_AppliesAndSurvivesReload()
    {
        var page = await LogInAsync(new() { ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, ColorScheme = ColorScheme.Light });
        var light = await BackgroundAsync(page);
        Assert.Equal("rgb(255, 255, 255)", light);

        await page.GetByTestId("theme-menu").ClickAsync();
        await BrowserSession.ScreenshotAsync(page, "theme-menu-open", fullPage: false);
        await page.GetByTestId("theme-Dark").ClickAsync();
        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", light);
        await Expect(page.GetByTestId("theme-Dark")).Not.ToBeVisibleAsync(); // the choice closed the list
        var dark = await BackgroundAsync(page);
        await BrowserSession.ScreenshotAsync(page, "dark-mode");

        // Open again: the choice is marked, the list sits under its button, and Escape closes it.
        await page.GetByTestId("theme-menu").ClickAsync();
        await Expect(page.GetByTestId("theme-Dark")).ToHaveAttributeAsync("aria-checked", "true");
        var (button, list) = (await page.GetByTestId("theme-menu").BoundingBoxAsync(), await page.Locator("#theme-choices").BoundingBoxAsync());
        Assert.True(list!.Y >= button!.Y + button.Height - 1 && Math.Abs(list.X - button.X) < 2, $"the list is at ({list.X}, {list.Y}), its button at ({button.X}, {button.Y})");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("theme-Dark")).Not.ToBeVisibleAsync();

        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == ThemeCookie.Name);
        Assert.Equal("Dark", cookie.Value);
        // The page comes back dark as served, before its circuit starts: no flash of the light theme.
        var reloaded = await page.ReloadAsync();
        Assert.Contains($"<html lang=\"en\" class=\"{ThemeCookie.DarkClass}\">", await reloaded!.TextAsync());
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", dark);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("theme-menu").ClickAsync();
        await Expect(page.GetByTestId("theme-Dark")).ToHaveAttributeAsync("aria-checked", "true");
    }

    [Fact]
    public async Task Page_WithoutScript_IsDrawnInTheBrowsersPreferenceOrTheSavedChoice()
    {
        var darkBrowser = await Browser.Browser.NewContextAsync(new() { ColorScheme = ColorScheme.Dark, JavaScriptEnabled = false });
        var page = await darkBrowser.NewPageAsync();
        await page.GotoAsync(App.BaseUrl + "/account/login");
        var dark = await BackgroundAsync(page);
        Assert.NotEqual("rgb(255, 255, 255)", dark);
        Assert.NotEqual("rgba(0, 0, 0, 0)", dark);

        var lightBrowserChoseDark = await Browser.Browser.NewContextAsync(new() { ColorScheme = ColorScheme.Light, JavaScriptEnabled = false });
        await lightBrowserChoseDark.AddCookiesAsync([new Cookie { Name = ThemeCookie.Name, Value = "Dark", Url = App.BaseUrl }]);
        page = await lightBrowserChoseDark.NewPageAsync();
        await page.GotoAsync(App.BaseUrl + "/account/login");
        Assert.Equal(dark, await BackgroundAsync(page));

        var darkBrowserChoseLight = await Browser.Browser.NewContextAsync(new() { ColorScheme = ColorScheme.Dark, JavaScriptEnabled = false });
        await darkBrowserChoseLight.AddCookiesAsync([new Cookie { Name = ThemeCookie.Name, Value = "Light", Url = App.BaseUrl }]);
        page = await darkBrowserChoseLight.NewPageAsync();
        await page.GotoAsync(App.BaseUrl + "/account/login");
        Assert.Equal("rgb(255, 255, 255)", await BackgroundAsync(page));
    }

    [Fact]
    public async Task Agent_BrowserPrefersDark_ConsoleFollowsIt()
    {
        var page = await LogInAsync(new() { ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, ColorScheme = ColorScheme.Dark });

        await Expect(page.Locator("[data-testid=theme-menu] .hd-theme-icon-dark")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=theme-menu] .hd-theme-icon-light")).ToBeHiddenAsync();
        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", "rgb(255, 255, 255)");
        Assert.NotEqual("rgba(0, 0, 0, 0)", await BackgroundAsync(page));
    }

    [Fact]
    public async Task Agent_FoldsTheTicketViews_TheirLinksHideUntilUnfolded()
    {
        var page = await LogInAsync(new() { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle Tickets" });
        var openView = page.GetByTestId("view-open");
        await Expect(openView).ToBeVisibleAsync();

        await toggle.ClickAsync();

        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(openView).Not.ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-new-ticket")).ToBeVisibleAsync();

        await toggle.ClickAsync();

        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(openView).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AgentWithoutAdministration_Drawer_HasNoAdministrationGroup()
    {
        const string email = "nav-agent@helpdesk.test", password = "Nav-Agent-Pass-2026";
        int personId;
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync())
        {
            var person = new Person { Name = "Nadia Navigator", PrimaryEmail = email, Roles = PersonRoles.Agent, CreatedAt = DateTime.UtcNow };
            db.Add(person);
            await db.SaveChangesAsync();
            personId = person.Id;
        }
        await App.Services.GetRequiredService<ConsoleUsers>().CreateAsync(personId, password, [ConsoleRoles.Agent]);
        var page = await Browser.NewPageAsync();

        await new LoginPageModel(page).LogInAsync(App.BaseUrl, email, password);
        await LoginPageModel.WaitUntilInteractiveAsync(page);

        await Expect(page.GetByTestId("nav-tickets")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "My password" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-admin")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mailboxes" })).ToHaveCountAsync(0);
    }
}
