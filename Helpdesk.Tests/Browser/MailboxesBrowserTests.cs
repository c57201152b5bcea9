using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Helpdesk.Tests.TestSupport.MailStack;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class MailboxesBrowserTests : BrowserJourney
{
    [Fact]
    public async Task Admin_AddsAnImapMailbox_TestsTheLoginAndSavesIt()
    {
        var address = MailStackServer.NewAddress();
        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await page.GotoAsync($"{App.BaseUrl}/admin/mail/mailboxes");
        await LoginPageModel.WaitUntilInteractiveAsync(page);

        await page.GetByTestId("new-mailbox").ClickAsync();
        var editor = page.GetByTestId("mailbox-editor");
        await editor.GetByLabel("Name", new() { Exact = true }).FillAsync("Support over IMAP");
        await editor.GetByLabel("Host", new() { Exact = true }).FillAsync(MailStackServer.Host);
        await editor.GetByLabel("Port", new() { Exact = true }).FillAsync(MailStackServer.ImapPort.ToString());
        await editor.GetByLabel("User name", new() { Exact = true }).FillAsync(address);
        await editor.GetByLabel("Password", new() { Exact = true }).FillAsync(MailStackServer.Password);
        await page.GetByTestId("test-mailbox").ClickAsync();
        await Expect(page.GetByTestId("test-result")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("success"));
        await page.GetByTestId("save-mailbox").ClickAsync();

        await Expect(page.GetByTestId("mailboxes-table")).ToContainTextAsync("Support over IMAP");
        await BrowserSession.ScreenshotAsync(page, "mailboxes");
    }
}
