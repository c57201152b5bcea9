using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>A fresh install without demo data: the default email action starts in Test, mailing the pickup folder.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class FirstRunBrowserTests : BrowserJourney
{
    private const string Reply = "Your printer has a new cartridge now.";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Helpdesk:SeedDemoData"] = "false" };

    [Fact]
    public async Task Admin_SwitchesTheTestActionToActive_AgentsReplyMailsTheCustomer()
    {
        var services = App.Services;
        var customer = "first.customer@customer.test";
        var customerId = await services.GetRequiredService<SavePersonCommand>().ExecuteAsync(new PersonInput(null, "First Customer", customer, [], null, PersonRoles.EndUser, true));
        var ticketId = await services.GetRequiredService<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer out of ink", RequestedForId = customerId }, Actor.System);
        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);

        var banner = page.GetByTestId("test-mode-banner");
        await Expect(banner).ToContainTextAsync(DefaultNotificationSeeder.TestRecipient);
        await BrowserSession.ScreenshotAsync(page, "first-run-test-mode-banner");
        await page.GetByTestId("test-mode-link").ClickAsync();
        await Expect(page.GetByTestId("action-editor")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("action-to-Requester")).ToBeCheckedAsync();
        await BrowserSession.ScreenshotAsync(page, "first-run-email-action");
        await page.GetByTestId("action-status").ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Option, new() { Name = "Active", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("action-status")).ToHaveTextAsync("Active");
        await page.GetByTestId("save-action").ClickAsync();
        await Expect(page.GetByTestId("actions-table")).ToContainTextAsync("Active");
        await Expect(page.GetByTestId("action-to-summary")).ToHaveTextAsync("The requester");
        await Expect(banner).ToHaveCountAsync(0);

        await page.GotoAsync($"{App.BaseUrl}/tickets/{ticketId}");
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        var editor = new TicketPageModel(page).PublicEditor;
        await Expect(editor.Locator("input[data-testid=send-email]")).ToBeCheckedAsync();
        await editor.Locator("textarea[data-testid=entry-text]").FillAsync(Reply);
        await editor.GetByTestId("add-entry").ClickAsync();

        var mail = await WaitForPickedUpReplyAsync(TimeSpan.FromSeconds(60));
        Assert.Equal([customer], mail.To.Mailboxes.Select(m => m.Address));
        Assert.DoesNotContain(DefaultNotificationSeeder.TestRecipient, mail.Cc.Mailboxes.Concat(mail.Bcc.Mailboxes).Select(m => m.Address));
    }

    private async Task<MimeMessage> WaitForPickedUpReplyAsync(TimeSpan timeout)
    {
        var folder = Path.Combine(App.DataFolder, "mail", "outbox");
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var replies = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => (m.TextBody ?? m.HtmlBody ?? "").Contains(Reply)).ToList()
                : [];
            if (replies.Count > 0) return Assert.Single(replies);
            await Task.Delay(250);
        }
        throw new TimeoutException($"No mail with the reply reached {folder} within {timeout}.");
    }
}
