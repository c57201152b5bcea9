using Microsoft.Playwright;

namespace Helpdesk.Tests.Browser.PageModels;

public sealed class TicketPageModel(IPage page)
{
    public ILocator Title => page.GetByTestId("ticket-title");
    public ILocator PublicEditor => page.GetByTestId("editor-public");
    public ILocator History => page.GetByTestId("case-log-history").First;

    public async Task CreateTicketAsync(string subject, string requesterSearch, string description)
    {
        await page.GetByTestId("nav-new-ticket").ClickAsync();
        await page.GetByTestId("new-subject").FillAsync(subject);
        await page.GetByTestId("new-requester").FillAsync(requesterSearch);
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await page.GetByTestId("new-description").FillAsync(description);
        await page.GetByTestId("create-ticket").ClickAsync();
        await Assertions.Expect(Title).ToContainTextAsync(subject);
    }

    public async Task AppendPublicEntryAsync(string text, string attachmentPath)
    {
        await PublicEditor.Locator("textarea[data-testid=entry-text]").FillAsync(text);
        var input = PublicEditor.Locator("input[data-testid=file-input]");
        // Blazor's InputFile listens only once its script has initialised the element (it then numbers files from 0);
        // files set before that are never seen, which a busy machine makes likely.
        await input.EvaluateAsync("el => new Promise(resolve => { const ready = () => el._blazorInputFileNextFileId !== undefined ? resolve() : setTimeout(ready, 50); ready(); })");
        await input.SetInputFilesAsync(attachmentPath);
        await Assertions.Expect(PublicEditor.Locator(".mud-badge")).ToHaveTextAsync("1");
        await PublicEditor.GetByTestId("add-entry").ClickAsync();
    }
}
