using System.Text;
using Bunit;
using Helpdesk.Blazor.Features.CaseLog;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Core.CaseLog;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.CaseLog;

public sealed class CaseLogEditorTests : HelpdeskBunitContext
{
    private IRenderedComponent<CaseLogEditor> RenderEditor(bool emailAvailable, Action<NewCaseLogEntry>? onSubmit = null, bool emailDefault = true) =>
        Render<CaseLogEditor>(p => p
            .Add(e => e.TicketId, 7)
            .Add(e => e.Log, CaseLogKind.Public)
            .Add(e => e.Status, new CaseLogEditorStatus(EmailReplyAvailable: emailAvailable))
            .Add(e => e.EmailReplyDefault, emailDefault)
            .Add(e => e.OnSubmit, (NewCaseLogEntry entry) => onSubmit?.Invoke(entry)));

    private static void Upload(IRenderedComponent<CaseLogEditor> cut, params (string Name, string Text)[] files) =>
        cut.FindComponent<InputFile>().UploadFiles([.. files.Select(f => InputFileContent.CreateFromText(f.Text, f.Name))]);

    [Fact]
    public void CaseLogEditor_TwoFilesAdded_ClipCountsThemAndTooltipListsNamesAndSizes()
    {
        var popovers = Render<MudPopoverProvider>();
        var cut = RenderEditor(emailAvailable: true);

        Upload(cut, ("notes.txt", "hello"), ("trace.log", "0123456789"));

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find(".mud-badge").TextContent.Trim()));
        cut.Find("[data-testid=attach-icon]").ParentElement!.ParentElement!.TriggerEvent("onpointerenter", new PointerEventArgs());
        popovers.WaitForAssertion(() => Assert.Contains("2 attachments: notes.txt (5 bytes), trace.log (10 bytes)", popovers.Markup));
    }

    [Fact]
    public void CaseLogEditor_FileRemovedBeforeSaving_IsNotSubmitted()
    {
        NewCaseLogEntry? submitted = null;
        var cut = RenderEditor(emailAvailable: true, e => submitted = e);
        Upload(cut, ("keep.txt", "keep"), ("drop.txt", "drop"));
        // The upload handler can render between staging the last file and finishing; the button says when it is done.
        cut.WaitForAssertion(() => Assert.Equal((2, "Add entry"), (cut.FindAll("[data-testid=staged-file]").Count, cut.Find("[data-testid=add-entry]").TextContent.Trim())));

        cut.FindAll("[data-testid=staged-file] .mud-chip-close-button")[1].Click();
        cut.Find("textarea[data-testid=entry-text]").Input("See attached");
        cut.Find("button[data-testid=add-entry]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(submitted), TimeSpan.FromSeconds(3));
        Assert.Equal(["keep.txt"], submitted!.Files.Select(f => f.FileName));
        Assert.Equal("See attached", submitted.Text);
        Assert.True(submitted.SendEmail);
    }

    [Fact]
    public void CaseLogEditor_EmailReplyUnavailable_ShowsNoCheckboxAndNeverSends()
    {
        NewCaseLogEntry? submitted = null;
        var cut = RenderEditor(emailAvailable: false, e => submitted = e);

        Assert.Empty(cut.FindAll("input[data-testid=send-email]"));
        cut.Find("textarea[data-testid=entry-text]").Input("Internal remark");
        cut.Find("button[data-testid=add-entry]").Click();
        Assert.False(submitted!.SendEmail);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CaseLogEditor_EmailReplyAvailable_CheckboxStartsFromConfiguredDefault(bool enabledDefault)
    {
        var cut = RenderEditor(emailAvailable: true, emailDefault: enabledDefault);

        Assert.Equal(enabledDefault, cut.Find("input[data-testid=send-email]").HasAttribute("checked"));
    }

    [Fact]
    public void CaseLogEditor_ZeroByteFile_ShowsClearErrorAndAttachesNothing()
    {
        var cut = RenderEditor(emailAvailable: false);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([], "empty.txt"));

        cut.WaitForAssertion(() => Assert.Contains("\"empty.txt\" is empty (0 bytes)", cut.Find("[data-testid=upload-error]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=staged-file]"));
    }

    [Fact]
    public void CaseLogEditor_FileOverTheSizeLimit_NamesTheLimitAndAttachesNothing()
    {
        var cut = RenderEditor(emailAvailable: false);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[20 * 1024 * 1024 + 1], "dump.bin"));

        cut.WaitForAssertion(() => Assert.Equal("\"dump.bin\" (20 MB) is larger than the limit of 20 MB and was not attached.",
            cut.Find("[data-testid=upload-error]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=staged-file]"));
    }

    [Fact]
    public void CaseLogEditor_MoreFilesThanAllowedInOneDrop_AttachesTwentyAndNamesTheRest()
    {
        var cut = RenderEditor(emailAvailable: false);

        Upload(cut, [.. Enumerable.Range(1, 22).Select(i => ($"file{i}.txt", $"content {i}"))]);

        cut.WaitForAssertion(() => Assert.Equal(20, cut.FindAll("[data-testid=staged-file]").Count));
        var errors = cut.FindAll("[data-testid=upload-error]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["At most 20 files can be added in one edit; \"file21.txt\" was not attached.",
            "At most 20 files can be added in one edit; \"file22.txt\" was not attached."], errors);
    }
}
