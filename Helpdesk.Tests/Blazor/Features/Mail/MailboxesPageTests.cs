using Bunit;
using Helpdesk.Blazor.Features.Mail;
using Helpdesk.Core.Mail.Inbound.Mailboxes;
using Helpdesk.Tests.TestSupport;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.Mail;

public sealed class MailboxesPageTests : HelpdeskBunitContext
{
    private static IRenderedComponent<MudTextField<string>> Text(IRenderedComponent<MailboxesPage> cut, string label) =>
        cut.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == label);

    private static async Task<IRenderedComponent<MailboxesPage>> NewMailboxAsync(IRenderedComponent<MailboxesPage> cut)
    {
        cut.WaitForAssertion(() => cut.Find("[data-testid=mailboxes-table] tbody tr"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=new-mailbox]").Click());
        return cut;
    }

    [Fact]
    public async Task MailboxesPage_BadPort_ShowsFieldErrorAndSavesNothing()
    {
        var cut = await NewMailboxAsync(Render<MailboxesPage>());
        await cut.InvokeAsync(() => Text(cut, "Name").Instance.ValueChanged.InvokeAsync("support"));
        await cut.InvokeAsync(() => Text(cut, "Host").Instance.ValueChanged.InvokeAsync("imap.example.com"));
        await cut.InvokeAsync(() => Text(cut, "User name").Instance.ValueChanged.InvokeAsync("support@example.com"));
        await cut.InvokeAsync(() => Text(cut, "Password").Instance.ValueChanged.InvokeAsync("Pa55-word!"));
        await cut.InvokeAsync(() => cut.FindComponent<MudNumericField<int>>().Instance.ValueChanged.InvokeAsync(70000));

        await cut.InvokeAsync(() => cut.Find("[data-testid=save-mailbox]").Click());

        cut.WaitForAssertion(() => Assert.Equal("The port must be between 1 and 65535.",
            cut.FindComponent<MudNumericField<int>>().Find(".mud-input-helper-text.mud-input-error").TextContent.Trim()));
        Assert.Equal(["local"], (await Host.Get<MailboxListQuery>().ExecuteAsync()).Select(r => r.Name));
    }

    [Fact]
    public async Task MailboxesPage_DropFolderSavedAndTested_ListedEditableAndResultShownInline()
    {
        var cut = await NewMailboxAsync(Render<MailboxesPage>());
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<Helpdesk.Core.Mail.Inbound.MailboxKind>>().Instance.ValueChanged.InvokeAsync(Helpdesk.Core.Mail.Inbound.MailboxKind.DropFolder));
        await cut.InvokeAsync(() => Text(cut, "Name").Instance.ValueChanged.InvokeAsync("scanner"));
        await cut.InvokeAsync(() => Text(cut, "Folder (relative to the data folder)").Instance.ValueChanged.InvokeAsync("mail/scanner"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-mailbox]").Click());
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=mailboxes-table] tbody tr").Count));

        var rows = cut.FindAll("[data-testid=mailboxes-table] tbody tr");
        Assert.Contains("from configuration", rows[0].TextContent);
        Assert.DoesNotContain("Edit", rows[0].TextContent);
        Assert.Contains("Edit", rows[1].TextContent);
        await cut.InvokeAsync(() => cut.FindAll("[data-testid=mailboxes-table] tbody tr")[1].QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Test").Click());

        var folder = Path.Combine(Host.DataFolder, "mail", "scanner");
        cut.WaitForAssertion(() => Assert.Equal($"The drop folder {folder} is ready: each *.eml file put there becomes a received mail.",
            cut.Find("[data-testid=test-result]").TextContent.Trim()));
    }
}
