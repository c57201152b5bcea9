using Microsoft.Playwright;

namespace Helpdesk.Tests.Browser.PageModels;

public sealed class LoginPageModel(IPage page)
{
    public async Task LogInAsync(string baseUrl, string email, string password)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    public ILocator Error => page.GetByTestId("login-error");

    /// <summary>The console is interactive once the circuit has rendered (the marker flips to true).</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=render-mode][data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
