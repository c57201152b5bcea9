using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>Images in mail from outside are as wide as the sender likes; the ticket page stays as wide as the window.</summary>
[Trait("Category", "Browser")]
[Trait("Category", "Security")]
[Collection(BrowserSession.Collection)]
public sealed class CaseLogImageWidthBrowserTests : BrowserJourney
{
    private const string WidePng3000 =
        "iVBORw0KGgoAAAANSUhEUgAAC7gAAAACCAIAAABHIQbHAAAALklEQVR42u3QAQ0AAAgDoEd/c+2hbCQg7QAAAAAAAAAAwHlRAAAAAAAAAADABwvbdMtDEz0ebwAAAABJRU5ErkJggg==";

    [Fact]
    public async Task TicketPage_WideInlineImagesAndStyledWidths_NeverWidenThePage()
    {
        var services = App.Services;
        var callerId = await services.GetRequiredService<SavePersonCommand>().ExecuteAsync(new PersonInput(null, "Wide Sender", "wide@customer.test", [], null, PersonRoles.EndUser, true));
        var image = await services.GetRequiredService<BlobStore>().StageAsync("wide.png", "image/png", new MemoryStream(Convert.FromBase64String(WidePng3000)), default);
        var ticketId = await services.GetRequiredService<CreateTicketCommand>().ExecuteAsync(new NewTicket
        {
            Subject = "Wide screenshot",
            RequestedForId = callerId,
            Description = "<p>Wide things:</p><img src=\"cid:wide@customer.test\" alt=\"natural\">"
                + "<img src=\"cid:wide@customer.test\" width=\"5000\" alt=\"width attribute\">"
                + "<img src=\"cid:wide@customer.test\" style=\"max-width:none !important;min-width:4000px;width:4000px\" alt=\"styled\">"
                + "<table style=\"width:4000px;min-width:4000px\"><tr><td>a wide table</td></tr></table>",
            DescriptionFormat = TextFormat.Html,
            Files = [image with { IsInline = true, ContentId = "wide@customer.test" }],
        }, Actor.System);
        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);

        await page.GotoAsync($"{App.BaseUrl}/tickets/{ticketId}");
        var images = page.Locator("[data-testid=case-log-text] img[src^='/attachments/']");
        await Expect(images).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++) await Expect(images.Nth(i)).ToHaveJSPropertyAsync("naturalWidth", 3000);
        await BrowserSession.ScreenshotAsync(page, "case-log-wide-images");

        var widths = await images.EvaluateAllAsync<double[]>(
            "images => images.map(i => i.getBoundingClientRect().width - i.closest('[data-testid=case-log-text]').clientWidth)");
        Assert.All(widths, overflow => Assert.True(overflow <= 0.5, $"an image is {overflow} px wider than its entry"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the ticket page scrolls sideways");
    }
}
