using Helpdesk.Core.Accounts;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Trait("Category", "Security")]
[Collection(BrowserSession.Collection)]
public sealed class PasswordChangeAtFirstLoginBrowserTests : BrowserJourney
{
    private const string OneTimePassword = "One-Time-Pass-1";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Admin:Password"] = "" };

    [Fact]
    public async Task Admin_LogsInWithTheOneTimePassword_ConsoleOpensOnlyAfterANewPassword()
    {
        // The generated password is only in the log; an administrator's reset sets a known one and keeps the must-change flag.
        var users = App.Services.GetRequiredService<ConsoleUsers>();
        await users.ResetPasswordAsync((await users.ListAsync()).Single(u => u.Email == ConsoleApp.AdminEmail).Id, OneTimePassword);
        var page = await Browser.NewPageAsync();

        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, OneTimePassword);
        await Expect(page.GetByTestId("password-must-change")).ToBeVisibleAsync();
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        var current = page.GetByLabel("Current password", new() { Exact = true });
        await current.FillAsync("typed before leaving");
        await page.GetByTestId("nav-tickets").ClickAsync();
        // Back on a fresh password page (the typed text is gone), not on the tickets.
        await Expect(current).ToHaveValueAsync("");
        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/account/password");
        await Expect(page.GetByTestId("ticket-table")).ToHaveCountAsync(0);

        await current.FillAsync(OneTimePassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Own-Chosen-Pass-2");
        await page.GetByLabel("New password again", new() { Exact = true }).FillAsync("Own-Chosen-Pass-2");
        await page.GetByTestId("change-password").ClickAsync();
        await Expect(page.GetByTestId("password-changed")).ToBeVisibleAsync();
        await page.GetByTestId("nav-tickets").ClickAsync();

        await Expect(page.GetByTestId("ticket-table")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "password-change-at-first-login");
    }
}
