using Bunit;
using Helpdesk.Blazor.Features.CaseLog;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Core.CaseLog;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Web;

namespace Helpdesk.Tests.Blazor.Features.CaseLog;

public sealed class CaseLogEditorRecipientsTests : HelpdeskBunitContext
{
    private NewCaseLogEntry? _submitted;

    private IRenderedComponent<CaseLogEditor> RenderEditor(CaseLogKind log = CaseLogKind.Public) =>
        Render<CaseLogEditor>(p => p
            .Add(e => e.TicketId, 7)
            .Add(e => e.Log, log)
            .Add(e => e.Status, new CaseLogEditorStatus(EmailReplyAvailable: true))
            .Add(e => e.DefaultRecipients, new EntryRecipients(["carl@customer.test"], ["bob@customer.test"]))
            .Add(e => e.OnSubmit, (NewCaseLogEntry entry) => _submitted = entry));

    private static List<string> Chips(IRenderedComponent<CaseLogEditor> cut, string field) =>
        [.. cut.FindAll($"[data-testid=recipients-{field}] [data-testid=recipient]").Select(c => c.TextContent.Trim())];

    private static void Type(IRenderedComponent<CaseLogEditor> cut, string field, string address)
    {
        cut.Find($"input[data-testid=add-{field}]").Input(address);
        cut.Find($"input[data-testid=add-{field}]").KeyDown(new KeyboardEventArgs { Key = "Enter" });
    }

    private void Submit(IRenderedComponent<CaseLogEditor> cut)
    {
        cut.Find("textarea[data-testid=entry-text]").Input("Done.");
        // The editor may render again between the lookup and the click (its draft is saved after a pause): the button is
        // looked up afresh until a click lands, as the list page's tests do.
        cut.WaitForAssertion(() => cut.Find("button[data-testid=add-entry]").Click());
        cut.WaitForAssertion(() => Assert.NotNull(_submitted));
    }

    [Fact]
    public void CaseLogEditor_PublicReplyByEmail_PrefillsRequesterInToAndContactsInCc()
    {
        var cut = RenderEditor();

        Assert.Equal(["carl@customer.test"], Chips(cut, "to"));
        Assert.Equal(["bob@customer.test"], Chips(cut, "cc"));
    }

    [Fact]
    public void CaseLogEditor_RepliesGoToTestRecipient_SaysSoUnderTheChips()
    {
        var cut = RenderEditor();
        Assert.Empty(cut.FindAll("[data-testid=recipients-test-mode]"));

        cut.Render(p => p.Add(e => e.RepliesGoToTestRecipient, true));

        Assert.Equal("Test mode: this mail goes to the test recipient", cut.Find("[data-testid=recipients-test-mode]").TextContent.Trim());
    }

    [Fact]
    public void CaseLogEditor_RecipientsUntouched_SubmitsNoneSoTheActionDecides()
    {
        var cut = RenderEditor();

        Submit(cut);

        Assert.True(_submitted!.SendEmail);
        Assert.Null(_submitted.Recipients);
    }

    [Fact]
    public void CaseLogEditor_CcEdited_SubmitsTheChosenRecipients()
    {
        var cut = RenderEditor();

        cut.WaitForAssertion(() => cut.Find("[data-testid=recipients-cc] .mud-chip-close-button").Click());
        Type(cut, "cc", "dana@partner.test");
        Submit(cut);

        Assert.Equal(["carl@customer.test"], _submitted!.Recipients!.To);
        Assert.Equal(["dana@partner.test"], _submitted.Recipients.Cc);
    }

    [Fact]
    public void CaseLogEditor_BadAddressTyped_ShowsFieldErrorAndWaitsUntilFixed()
    {
        var cut = RenderEditor();
        cut.Find("textarea[data-testid=entry-text]").Input("Done.");

        Type(cut, "cc", "dana at partner");

        Assert.Contains("\"dana at partner\" is not an email address", cut.Find("[data-testid=recipients-cc]").TextContent);
        Assert.True(cut.Find("button[data-testid=add-entry]").HasAttribute("disabled"));
        Assert.Equal(["bob@customer.test"], Chips(cut, "cc"));

        Type(cut, "cc", "dana@partner.test");

        Assert.Equal(["bob@customer.test", "dana@partner.test"], Chips(cut, "cc"));
        Assert.False(cut.Find("button[data-testid=add-entry]").HasAttribute("disabled"));
    }

    [Fact]
    public void CaseLogEditor_PrivateNoteOrEmailUnticked_ShowsNoRecipients()
    {
        Assert.Empty(RenderEditor(CaseLogKind.Private).FindAll("[data-testid=reply-recipients]"));

        var cut = RenderEditor();
        cut.Find("input[data-testid=send-email]").Change(false);

        Assert.Empty(cut.FindAll("[data-testid=reply-recipients]"));
    }
}
