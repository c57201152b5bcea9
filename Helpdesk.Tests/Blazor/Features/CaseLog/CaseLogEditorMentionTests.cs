using Bunit;
using Helpdesk.Blazor.Features.CaseLog;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Blazor.Features.CaseLog;

/// <summary>"@" in a private note suggests active agents; the chosen ones travel with the note as people, not text.</summary>
public sealed class CaseLogEditorMentionTests : HelpdeskBunitContext
{
    private NewCaseLogEntry? _submitted;
    private Person _bob = default!;

    private async Task<IRenderedComponent<CaseLogEditor>> ArrangeAsync(CaseLogKind log = CaseLogKind.Private)
    {
        await Host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        _bob = await Host.AddPersonAsync("Bob Agent", "bob@helpdesk.test", PersonRoles.Agent);
        await Host.AddPersonAsync("Bea Customer", "bea@customer.test");
        return Render<CaseLogEditor>(p => p
            .Add(e => e.TicketId, 7)
            .Add(e => e.Log, log)
            .Add(e => e.Status, new CaseLogEditorStatus())
            .Add(e => e.OnSubmit, (NewCaseLogEntry entry) => _submitted = entry));
    }

    private static void Type(IRenderedComponent<CaseLogEditor> cut, string text) => cut.Find("textarea[data-testid=entry-text]").Input(text);

    private static List<string> Suggestions(IRenderedComponent<CaseLogEditor> cut) =>
        [.. cut.FindAll("[data-testid=mention-picker] [data-testid=suggestion]").Select(s => s.TextContent.Trim())];

    [Fact]
    public async Task CaseLogEditor_AtInPrivateNote_SuggestsActiveAgentsFilteredAndSubmitsTheChosenOne()
    {
        var cut = await ArrangeAsync();
        Type(cut, "Please ");
        Type(cut, "Please @");
        // Every active agent (the host's administrator too), never an end user.
        cut.WaitForAssertion(() => Assert.Equal(3, Suggestions(cut).Count));
        Assert.Contains(Suggestions(cut), s => s.StartsWith("Ann Agent"));
        Assert.DoesNotContain(Suggestions(cut), s => s.Contains("Bea"));

        Type(cut, "Please @b");
        cut.WaitForAssertion(() => Assert.Single(Suggestions(cut)));
        cut.Find("[data-testid=mention-picker] [data-testid=suggestion]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Please @Bob Agent ", cut.Find("textarea[data-testid=entry-text]").GetAttribute("value")));
        Type(cut, "Please @Bob Agent have a look");
        cut.Find("button[data-testid=add-entry]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(_submitted));
        Assert.Equal([_bob.Id], _submitted!.MentionIds);
    }

    [Fact]
    public async Task CaseLogEditor_MentionDeletedFromTheText_IsNotSubmitted()
    {
        var cut = await ArrangeAsync();
        Type(cut, "@");
        Type(cut, "@bob");
        cut.WaitForAssertion(() => Assert.Single(Suggestions(cut)));
        cut.Find("[data-testid=mention-picker] [data-testid=suggestion]").Click();

        Type(cut, "Never mind");
        cut.Find("button[data-testid=add-entry]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(_submitted));
        Assert.Empty(_submitted!.MentionIds);
    }

    [Fact]
    public async Task CaseLogEditor_RestoredDraftWithAMention_StillSubmitsThatAgent()
    {
        await ArrangeAsync();
        var draft = new CaseLogDraftContent(7, CaseLogKind.Private, "@Bob Agent look", false, false, [], null, [new PersonRef(_bob.Id, _bob.Name, _bob.PrimaryEmail)]);
        var cut = Render<CaseLogEditor>(p => p
            .Add(e => e.TicketId, 7)
            .Add(e => e.Log, CaseLogKind.Private)
            .Add(e => e.Status, new CaseLogEditorStatus(DraftsLoaded: true))
            .Add(e => e.Draft, draft)
            .Add(e => e.OnSubmit, (NewCaseLogEntry entry) => _submitted = entry));

        cut.Find("button[data-testid=add-entry]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(_submitted));
        Assert.Equal([_bob.Id], _submitted!.MentionIds);
    }

    [Theory]
    [InlineData(CaseLogKind.Private, "mail carl@")]
    [InlineData(CaseLogKind.Public, "Hi @")]
    public async Task CaseLogEditor_AtInsideAWordOrInAPublicReply_SuggestsNobody(CaseLogKind log, string typed)
    {
        var cut = await ArrangeAsync(log);
        Type(cut, typed[..^1]);

        Type(cut, typed);

        Assert.Empty(cut.FindAll("[data-testid=mention-picker]"));
    }
}
