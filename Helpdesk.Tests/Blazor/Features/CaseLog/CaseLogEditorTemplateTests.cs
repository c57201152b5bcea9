using System.Security.Claims;
using Bunit;
using Helpdesk.Blazor.Features.CaseLog;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.CaseLog.ReplyTemplates;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Features.CaseLog;

/// <summary>Reply templates in the composer: "::" or the button opens the picker, typing filters it, a choice is inserted rendered.</summary>
public sealed class CaseLogEditorTemplateTests : HelpdeskBunitContext
{
    private int _ticketId;

    protected override void ConfigureServices()
    {
        Services.AddScoped(sp => new CurrentActor(sp.GetRequiredService<AuthenticationStateProvider>(), Host.Get<IDbContextFactory<HelpdeskDbContext>>()));
        AddAuthorization().SetAuthorized("ann@helpdesk.test").SetClaims(new Claim(ClaimTypes.NameIdentifier, "user-ann"));
    }

    private async Task<IRenderedComponent<CaseLogEditor>> ArrangeAsync()
    {
        var agent = await Host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await Host.AddPersonAsync("Carl Caller", "carl@customer.test");
        await using (var db = await Host.DbAsync())
        {
            db.Add(new HelpdeskUser { Id = "user-ann", UserName = "ann@helpdesk.test", PersonId = agent.Id });
            await db.SaveChangesAsync();
        }
        _ticketId = await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer on fire", RequestedForId = caller.Id }, Actor.System);
        var save = Host.Get<SaveReplyTemplateCommand>();
        await save.ExecuteAsync(null, "Greeting", "Dear $this->caller_id_friendlyname$,");
        await save.ExecuteAsync(null, "Signature", "Kind regards, $current_contact->name$");
        return Render<CaseLogEditor>(p => p
            .Add(e => e.TicketId, _ticketId)
            .Add(e => e.Log, CaseLogKind.Public)
            .Add(e => e.Status, new CaseLogEditorStatus(EmailReplyAvailable: true)));
    }

    private static List<string> Suggestions(IRenderedComponent<CaseLogEditor> cut) =>
        [.. cut.FindAll("[data-testid=template-picker] [data-testid=suggestion]").Select(s => s.TextContent.Trim())];

    private static void Type(IRenderedComponent<CaseLogEditor> cut, string text) => cut.Find("textarea[data-testid=entry-text]").Input(text);

    private static string Text(IRenderedComponent<CaseLogEditor> cut) => cut.Find("textarea[data-testid=entry-text]").GetAttribute("value") ?? "";

    [Fact]
    public async Task CaseLogEditor_DoubleColonTypedMidText_FiltersAsYouTypeAndInsertsTheRenderedTemplateThere()
    {
        var cut = await ArrangeAsync();
        Type(cut, "Hello\n\nSee you");
        Type(cut, "Hello\n::\nSee you");
        cut.WaitForAssertion(() => Assert.Equal(2, Suggestions(cut).Count));

        Type(cut, "Hello\n::sig\nSee you");
        cut.WaitForAssertion(() => Assert.Single(Suggestions(cut)));
        Assert.StartsWith("Signature", Suggestions(cut)[0]);

        cut.Find("[data-testid=template-picker] [data-testid=suggestion]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Hello\nKind regards, Ann Agent\nSee you", Text(cut)));
        Assert.Empty(cut.FindAll("[data-testid=template-picker]"));
    }

    [Fact]
    public async Task CaseLogEditor_TemplateButton_OpensTheSamePickerAndInsertsForThisTicket()
    {
        var cut = await ArrangeAsync();

        cut.Find("button[data-testid=insert-template]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, Suggestions(cut).Count));
        cut.FindAll("[data-testid=template-picker] [data-testid=suggestion]")[0].Click();

        cut.WaitForAssertion(() => Assert.Equal("Dear Carl Caller,", Text(cut)));
    }

    [Fact]
    public async Task CaseLogEditor_NoMatch_SaysSoAndClosingKeepsTheText()
    {
        var cut = await ArrangeAsync();
        Type(cut, "::");
        Type(cut, "::zzz");
        cut.WaitForAssertion(() => Assert.Contains("No reply template is called like \"zzz\"", cut.Find("[data-testid=no-suggestions]").TextContent));

        cut.Find("[data-testid=close-suggestions]").Click();

        // Waited for: with a draft save's render on the renderer at that moment (a loaded machine), the click's is queued.
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=template-picker]")));
        Assert.Equal("::zzz", Text(cut));
    }

    [Fact]
    public async Task CaseLogEditor_SingleColonsAndOtherEdits_OpenNoPicker()
    {
        var cut = await ArrangeAsync();

        Type(cut, "Time: 10:30");

        Assert.Empty(cut.FindAll("[data-testid=template-picker]"));
    }
}
