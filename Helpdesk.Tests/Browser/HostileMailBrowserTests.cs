using System.Collections.Concurrent;
using System.Text;
using Helpdesk.Core.People;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.Security;
using Helpdesk.Tests.TestSupport.Browser;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>A hostile mail from outside, opened by an administrator in real Chromium: nothing runs, nothing loads from elsewhere.</summary>
[Trait("Category", "Browser")]
[Trait("Category", "Security")]
[Collection(BrowserSession.Collection)]
public sealed class HostileMailBrowserTests : BrowserJourney
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
        ["Security:RemoteImages:AllowPrivateNetworks"] = "true",
    };

    private async Task<int> ReceiveAsync(byte[] raw)
    {
        await App.Services.GetRequiredService<SavePersonCommand>().ExecuteAsync(new PersonInput(null, "Mallory Outsider", "mallory@customer.test", [], null, PersonRoles.EndUser, true));
        return await ReceiveMailAsync(raw, "hostile");
    }

    [Fact]
    public async Task Admin_OpensTicketFromHostileMail_NoScriptRunsAndOnlyTheConsoleIsContactedUntilLoadUsesTheProxy()
    {
        await using var images = await LoopbackImageServer.StartAsync();
        var raw = Encoding.UTF8.GetString(HostileMailOutbox.Fixture("hostile-html.eml")).Replace("https://remote.test", images.BaseUrl);
        var ticketId = await ReceiveAsync(Encoding.UTF8.GetBytes(raw));

        var page = await Browser.NewPageAsync();
        var console = new Uri(App.BaseUrl);
        var foreign = new ConcurrentQueue<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != console.Authority)
            {
                foreign.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
            else await route.ContinueAsync();
        });
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await page.GotoAsync($"{App.BaseUrl}/tickets/{ticketId}");
        await LoginPageModel.WaitUntilInteractiveAsync(page);

        var entry = page.GetByTestId("case-log-entry").Filter(new() { HasText = "Please see the invoice below." });
        await Expect(entry.GetByTestId("remote-images-blocked")).ToContainTextAsync("Remote images blocked");
        var inline = entry.Locator("img[src^='/attachments/']");
        await Expect(inline).ToHaveCountAsync(5);
        for (var i = 0; i < 5; i++) await WaitUntilLoadedAsync(inline.Nth(i));
        await BrowserSession.ScreenshotAsync(page, "hostile-mail-blocked");
        Assert.Empty(images.Requests);

        await entry.GetByTestId("load-remote-images").ClickAsync();

        // The tracking pixel and a srcset naming the same URL are one remote image; the protocol-relative one cannot be fetched.
        var proxied = entry.Locator("img[src$='/remote-images/0']");
        await Expect(proxied).ToHaveCountAsync(2);
        await WaitUntilLoadedAsync(proxied.First);
        await Expect(entry.Locator("img[src$='/remote-images/1']")).ToHaveCountAsync(1);
        await Expect(entry.GetByTestId("remote-images-blocked")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "hostile-mail-remote-images-loaded");
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__pwned === undefined ? null : String(window.__pwned)"));
        Assert.Equal(0, dialogs);
        Assert.Empty(foreign);
        Assert.NotEmpty(images.Requests);
        Assert.All(images.Requests, path => Assert.Equal("/pixel.png", path));
    }

    private static async Task WaitUntilLoadedAsync(ILocator image) =>
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 1);
}
