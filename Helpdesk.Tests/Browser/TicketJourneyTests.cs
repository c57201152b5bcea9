using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class TicketJourneyTests : BrowserJourney
{
    private async Task<IPage> LoggedInPageAsync()
    {
        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task Agent_CreatesTicketAndAppendsPublicEntryWithAttachment_SeesItInHistory()
    {
        var page = await LoggedInPageAsync();
        var ticket = new TicketPageModel(page);
        var file = Path.Combine(App.DataFolder, "diagnostics.txt");
        await File.WriteAllTextAsync(file, "ping 10.0.0.1: timeout");

        await ticket.CreateTicketAsync("Browser journey: VPN drops", "alice", "It drops every 5 minutes.");
        await ticket.AppendPublicEntryAsync("We reset your VPN profile; see the attached log.", file);

        await Expect(ticket.History.GetByTestId("case-log-text").Last).ToContainTextAsync("We reset your VPN profile");
        await Expect(ticket.History.GetByTestId("case-log-attachment").First).ToContainTextAsync("diagnostics.txt");
        await Expect(ticket.PublicEditor.Locator(".mud-badge")).ToBeHiddenAsync();
        await BrowserSession.ScreenshotAsync(page, "ticket-with-public-entry");
    }

    [Fact]
    public async Task TwoAgents_OneChangesTicketSubject_OtherListUpdatesWithoutReload()
    {
        var watcher = await LoggedInPageAsync();
        await Expect(watcher.GetByTestId("ticket-subject").First).ToBeVisibleAsync();
        var editor = await LoggedInPageAsync();
        await editor.GetByTestId("ticket-link").First.ClickAsync();
        await LoginPageModel.WaitUntilInteractiveAsync(editor);

        await editor.GetByTestId("edit-fields").ClickAsync();
        await editor.Locator("input[data-testid=field-subject]").FillAsync("Changed live by another agent");
        await editor.GetByTestId("save-ticket").ClickAsync();

        await Expect(watcher.GetByTestId("ticket-subject").Filter(new() { HasText = "Changed live by another agent" }))
            .ToBeVisibleAsync(new() { Timeout = 5000 });
        await BrowserSession.ScreenshotAsync(watcher, "list-updated-live");
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsMessageAndStaysOnLogin()
    {
        var page = await Browser.NewPageAsync();
        var login = new LoginPageModel(page);

        await login.LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, "not-the-password");

        await Expect(login.Error).ToContainTextAsync("The email address or password is not right");
    }

    [Fact]
    public async Task Anonymous_DeepLink_RedirectsToLoginAndBackAfterwards()
    {
        var page = await Browser.NewPageAsync();

        await page.GotoAsync(App.BaseUrl + "/tickets/1");
        await Expect(page.GetByTestId("login-form")).ToBeVisibleAsync();
        await page.GetByTestId("login-email").FillAsync(ConsoleApp.AdminEmail);
        await page.GetByTestId("login-password").FillAsync(ConsoleApp.AdminPassword);
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("ticket-number")).ToHaveTextAsync("HD-1");
    }
}
