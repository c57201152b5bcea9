using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Trait("Category", "Security")]
[Collection(BrowserSession.Collection)]
public sealed class ContentSecurityPolicyBrowserTests : BrowserJourney
{
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAACAAFUok9dAAAAAElFTkSuQmCC";

    private async Task<IPage> LoggedInPageAsync()
    {
        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task UnsafeFragment_SanitizingBypassed_InlineScriptAndHandlerAreRefused()
    {
        var page = await LoggedInPageAsync();

        await page.GotoAsync(App.BaseUrl + TestOnlyRoutes.UnsafeFragment);
        await Expect(page.GetByTestId("unsafe-fragment")).ToBeVisibleAsync();
        var violations = await ViolationsAsync(
            v => v.StartsWith("securitypolicyviolation: script-src-attr"), v => v.StartsWith("console:") && v.Contains("inline event handler"));

        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__pwned"));
        Assert.Contains(violations, v => v.StartsWith("securitypolicyviolation: script-src-attr refused inline"));
        Assert.Contains(violations, v => v.StartsWith("securitypolicyviolation: script-src-elem refused inline"));
    }

    [Fact]
    public async Task Console_UnderThePolicy_RunsItsCircuitOverAWebSocket()
    {
        var page = await Browser.NewPageAsync();
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);

        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);

        Assert.Contains(sockets, url => url.StartsWith(App.BaseUrl.Replace("http://", "ws://") + "/_blazor"));
    }

    [Fact]
    public async Task Console_CircuitSocket_IsNotCompressed()
    {
        var page = await Browser.NewPageAsync();
        // Every socket the page opens, so the circuit's negotiated extensions can be read once it is open.
        await page.AddInitScriptAsync("""
            (() => {
                const Native = window.WebSocket;
                window.__sockets = [];
                window.WebSocket = function (...args) { const socket = new Native(...args); window.__sockets.push(socket); return socket; };
                window.WebSocket.prototype = Native.prototype;
                Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
            })();
            """);

        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);

        var sockets = await page.EvaluateAsync<SocketSeen[]>("() => window.__sockets.map(s => ({ url: s.url, state: s.readyState, extensions: s.extensions }))");
        var circuit = Assert.Single(sockets, s => s.Url.Contains("/_blazor") && s.State == 1);
        Assert.Equal("", circuit.Extensions);
    }

    private sealed class SocketSeen
    {
        public string Url { get; set; } = "";
        public int State { get; set; }
        public string Extensions { get; set; } = "";
    }

    [Fact]
    public async Task Administrator_OpensEveryMenuPageAndATicket_NoPolicyViolation()
    {
        var page = await LoggedInPageAsync();
        var menu = await page.Locator("nav a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        foreach (var path in menu.Append("/tickets/1").Distinct())
        {
            await page.GotoAsync(App.BaseUrl + path);
            await LoginPageModel.WaitUntilInteractiveAsync(page);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.True(menu.Length >= 12, "menu: " + string.Join(", ", menu));
        Assert.Empty(Browser.TakeCspViolations());
    }

    [Fact]
    public async Task TicketPage_HtmlEntryWithInlineImage_ShowsTheImageFromTheAttachmentEndpoint()
    {
        var services = App.Services;
        var callerId = await services.GetRequiredService<SavePersonCommand>().ExecuteAsync(new PersonInput(null, "Screenshot Sender", "sender@customer.test", [], null, PersonRoles.EndUser, true));
        var image = await services.GetRequiredService<BlobStore>().StageAsync("screenshot.png", "image/png", new MemoryStream(Convert.FromBase64String(OnePixelPng)), default);
        var ticketId = await services.GetRequiredService<CreateTicketCommand>().ExecuteAsync(new NewTicket
        {
            Subject = "Screenshot inline",
            RequestedForId = callerId,
            Description = "<p>See the screenshot:</p><img src=\"cid:shot@customer.test\" data-testid=\"inline-shot\">",
            DescriptionFormat = TextFormat.Html,
            Files = [image with { IsInline = true, ContentId = "shot@customer.test" }],
        }, Actor.System);
        var page = await LoggedInPageAsync();

        await page.GotoAsync($"{App.BaseUrl}/tickets/{ticketId}");
        var shot = page.Locator("img[src^='/attachments/']");

        await Expect(shot).ToHaveJSPropertyAsync("naturalWidth", 1);
    }

    // Chromium reports a refused inline handler only when its event fires: wait for both reports of it, so that none
    // arrives after the test and fails the journey's own violation check.
    private async Task<IReadOnlyList<string>> ViolationsAsync(params Func<string, bool>[] awaited)
    {
        var seen = new List<string>();
        for (var waited = 0; waited < 10_000 && !awaited.All(seen.Any); waited += 100)
        {
            await Task.Delay(100);
            seen.AddRange(Browser.TakeCspViolations());
        }
        return seen;
    }
}
