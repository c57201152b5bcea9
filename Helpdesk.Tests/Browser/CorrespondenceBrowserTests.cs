using Helpdesk.Core.Correspondence;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class CorrespondenceBrowserTests : BrowserJourney
{
    [Fact]
    public async Task Admin_SwitchesAnAutoresponderOffAndMistypesTheAdminEmail_SeesTheErrorThenSaves()
    {
        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await page.GotoAsync($"{App.BaseUrl}/admin/correspondence");
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

        var saved = await App.Services.GetRequiredService<CorrespondenceSettings>().GetAsync();
        Assert.False(saved.NewMessageAutoresponse);
        Assert.Equal(configured, saved.AdminEmail);
    }
}
