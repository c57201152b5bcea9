using System.Security.Claims;
using Bunit;
using Helpdesk.Blazor.Features.CaseLog;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Features.CaseLog;

/// <summary>The composer against the real store and Core: drafts saved after a pause, restored, and Ctrl+Enter.</summary>
public sealed class CaseLogEditorDraftTests : HelpdeskBunitContext
{
    private int _ticketId;
    private Actor _agent = default!;

    protected override void ConfigureServices()
    {
        LogInAsAgent("ann@helpdesk.test", "user-ann");
    }

    private async Task ArrangeAsync()
    {
        var agent = await AgentWithLoginAsync("Ann Agent", "ann@helpdesk.test", "user-ann");
        var caller = await Host.AddPersonAsync("Carl Caller", "carl@customer.test");
        _agent = CoreTestHost.AgentActor(agent);
        _ticketId = await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer on fire", RequestedForId = caller.Id }, Actor.System);
    }

    private IRenderedComponent<CaseLogEditor> RenderEditor(CaseLogDraftContent? draft = null, Action<NewCaseLogEntry>? onSubmit = null) =>
        Render<CaseLogEditor>(p => p
            .Add(e => e.TicketId, _ticketId)
            .Add(e => e.Log, CaseLogKind.Public)
            .Add(e => e.Status, new CaseLogEditorStatus(EmailReplyAvailable: true, DraftsLoaded: true))
            .Add(e => e.Draft, draft)
            .Add(e => e.OnSubmit, (NewCaseLogEntry entry) => onSubmit?.Invoke(entry)));

    private Task<IReadOnlyList<CaseLogDraftContent>> ServerDraftsAsync() => Host.Get<CaseLogDraftsQuery>().ExecuteAsync(_ticketId, _agent);

    [Fact]
    public async Task CaseLogEditor_TypingPauses_SavesTheDraftOnTheServer()
    {
        await ArrangeAsync();
        var cut = RenderEditor();

        cut.Find("textarea[data-testid=entry-text]").Input("Dear Carl, the brigade");
        Assert.Empty(await ServerDraftsAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(1));

        await WaitForDraftAsync("Dear Carl, the brigade");
    }

    [Fact]
    public async Task CaseLogEditor_SavedDraft_IsRestoredWithFlagsAndFiles()
    {
        await ArrangeAsync();
        var file = new StagedFile("trace.log", "text/plain", 10, new string('a', 64));

        var cut = RenderEditor(new CaseLogDraftContent(_ticketId, CaseLogKind.Public, "Half-written reply", Markdown: true, SendEmail: false, [file]));

        Assert.Equal("Half-written reply", cut.Find("textarea[data-testid=entry-text]").GetAttribute("value") ?? cut.Find("textarea[data-testid=entry-text]").TextContent);
        Assert.False(cut.Find("input[data-testid=send-email]").HasAttribute("checked"));
        Assert.Contains("trace.log", cut.Find("[data-testid=staged-file]").TextContent);
    }

    [Fact]
    public async Task CaseLogEditor_CtrlEnter_SubmitsTheEntry()
    {
        await ArrangeAsync();
        NewCaseLogEntry? submitted = null;
        var cut = RenderEditor(onSubmit: e => submitted = e);
        cut.Find("textarea[data-testid=entry-text]").Input("Sent from the keyboard");

        cut.Find("textarea[data-testid=entry-text]").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        Assert.Null(submitted);
        cut.Find("textarea[data-testid=entry-text]").KeyDown(new KeyboardEventArgs { Key = "Enter", CtrlKey = true });

        cut.WaitForAssertion(() => Assert.Equal("Sent from the keyboard", submitted?.Text));
    }

    [Fact]
    public async Task CaseLogEditor_ClosedRightAfterTyping_SavesTheDraftAtOnce()
    {
        await ArrangeAsync();
        var cut = RenderEditor();
        cut.Find("textarea[data-testid=entry-text]").Input("Last words");

        await DisposeComponentsAsync();

        await WaitForDraftAsync("Last words");
    }

    private async Task WaitForDraftAsync(string text)
    {
        for (var i = 0; i < 50 && (await ServerDraftsAsync()).Count == 0; i++) await Task.Delay(50);
        Assert.Equal(text, Assert.Single(await ServerDraftsAsync()).Text);
    }
}
