using Helpdesk.Core.Correspondence;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class CorrespondenceBrowserTests : IAsyncLifetime
{
    private ConsoleApp _app = default!;
    private BrowserSession _browser = default!;

    public async Task InitializeAsync()
    {
        _app = ConsoleApp.Start();
        _browser = await BrowserSession.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Admin_SwitchesAnAutoresponderOffAndMistypesTheAdminEmail_SeesTheErrorThenSaves()
    {
        var page = await _browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(_app.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await page.GotoAsync($"{_app.BaseUrl}/admin/correspondence");
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        var switches = page.GetByTestId("global-switches");

        await switches.GetByLabel("New message", new() { Exact = true }).UncheckAsync();
        var adminEmail = switches.GetByLabel("Administrative email");
        var configured = await adminEmail.InputValueAsync();
        await adminEmail.FillAsync("not an address");
        await page.GetByTestId("save-switches").ClickAsync();
        await Expect(page.GetByTestId("switches-error")).ToBeVisibleAsync();
        await adminEmail.FillAsync(configured);
        await page.GetByTestId("save-switches").ClickAsync();
        await Expect(page.GetByTestId("switches-saved")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "correspondence-switches");

        var saved = await _app.Services.GetRequiredService<CorrespondenceSettings>().GetAsync();
        Assert.False(saved.NewMessageAutoresponse);
        Assert.Equal(configured, saved.AdminEmail);
    }
}
