using Bunit;
using Helpdesk.Blazor.Features.Tickets.Views;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Views;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Extensions;

namespace Helpdesk.Tests.Blazor.Features.Tickets.Views;

public sealed class TicketViewEditorTests : HelpdeskBunitContext
{
    private int _saved;

    private IRenderedComponent<TicketViewEditor> RenderEditor(TicketViewForm form) => Render<TicketViewEditor>(p => p
        .Add(e => e.Form, form)
        .Add(e => e.Lookups, TicketLookups.Empty)
        .Add(e => e.Saved, EventCallback.Factory.Create(this, () => _saved++)));

    private static Task Tick(IRenderedComponent<TicketViewEditor> cut, string testId, bool on) =>
        cut.InvokeAsync(() => cut.FindComponents<MudCheckBox<bool>>()
            .Single(c => Equals(c.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId)).Instance.ValueChanged.InvokeAsync(on));

    [Fact]
    public async Task TicketViewEditor_FilledAndSaved_StoresTheViewForTheChosenRole()
    {
        var cut = RenderEditor(new TicketViewForm());

        cut.Find("input[data-testid=view-name]").Change("Supervisor escalations");
        await Tick(cut, "view-status-InProgress", true);
        await Tick(cut, "view-status-Assigned", true);
        await Tick(cut, "view-column-Updated", false);
        await Tick(cut, "view-column-Impact", true);
        await cut.InvokeAsync(() => cut.FindComponent<MudRadioGroup<ViewAudience>>().Instance.ValueChanged.InvokeAsync(ViewAudience.Roles));
        await Tick(cut, "view-role-Supervisor", true);
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-view]").Click());

        cut.WaitForAssertion(() => Assert.Equal(1, _saved));
        var view = Assert.Single(await Host.Get<SavedTicketViewListQuery>().ExecuteAsync());
        Assert.Equal("Supervisor escalations", view.Name);
        Assert.Equal([TicketStatus.Assigned, TicketStatus.InProgress], view.Statuses);
        Assert.Contains(TicketListColumn.Impact, view.Columns);
        Assert.DoesNotContain(TicketListColumn.Updated, view.Columns);
        Assert.Equal((ViewAudience.Roles, PersonRoles.Supervisor), (view.Audience, view.AudienceRoles));
    }

    [Fact]
    public async Task TicketViewEditor_InvalidInput_ShowsEachErrorAtItsFieldAndLabelsInTheBanner()
    {
        var form = new TicketViewForm { Audience = ViewAudience.Roles };
        form.Columns.Clear();
        var cut = RenderEditor(form);

        await cut.InvokeAsync(() => cut.Find("[data-testid=save-view]").Click());

        cut.WaitForAssertion(() => cut.Find("[data-testid=view-error]"));
        var banner = cut.Find("[data-testid=view-error]").TextContent;
        Assert.Contains("Name: A name is required.", banner);
        Assert.Contains("Columns: Choose at least one column.", banner);
        Assert.Contains("Who sees it: Choose at least one role.", banner);
        Assert.Equal("A name is required.", cut.FindComponents<MudTextField<string>>().First().Instance.GetState(x => x.ErrorText));
        Assert.Equal("Choose at least one column.", cut.Find("[data-testid=view-columns-error]").TextContent);
        Assert.Equal("Choose at least one role.", cut.Find("[data-testid=view-audience-error]").TextContent);
        Assert.Equal(0, _saved);
        Assert.Empty(await Host.Get<SavedTicketViewListQuery>().ExecuteAsync());
    }
}
