using Bunit;
using Helpdesk.Blazor.Features.ServiceCatalog;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.ServiceCatalog;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.ServiceCatalog;

public sealed class SupportAgreementsSectionTests : HelpdeskBunitContext
{
    private static IRenderedComponent<MudSelect<int?>> Select(IRenderedComponent<SupportAgreementsSection> cut, string label) =>
        cut.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Label == label);

    private async Task<(int Acme, NamedRef Desk)> SeedAsync()
    {
        var acme = await Host.Get<SaveOrganizationCommand>().ExecuteAsync(null, "Acme");
        await using var db = await Host.DbAsync();
        var team = new Team { Name = "Acme Desk" };
        db.Add(team);
        await db.SaveChangesAsync();
        return (acme, new NamedRef(team.Id, team.Name));
    }

    [Fact]
    public async Task SupportAgreementsSection_NewAgreementFilledAndAdded_SavedAndListed()
    {
        var (acme, desk) = await SeedAsync();
        var cut = Render<SupportAgreementsSection>(p => p.Add(x => x.Teams, [desk]));

        await cut.InvokeAsync(() => cut.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("Acme first line"));
        await cut.InvokeAsync(() => Select(cut, "Customer organization").Instance.ValueChanged.InvokeAsync(acme));
        await cut.InvokeAsync(() => Select(cut, "Service desk team").Instance.ValueChanged.InvokeAsync(desk.Id));
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-agreement]").Click());

        cut.WaitForAssertion(() => Assert.Contains("Acme first line", cut.Find("[data-testid=agreement-row]").TextContent));
        var saved = Assert.Single(await Host.Get<SupportAgreementListQuery>().ExecuteAsync());
        Assert.Equal(("Acme first line", acme, (int?)desk.Id), (saved.Name, saved.CustomerOrganizationId, saved.ServiceDeskTeamId));
    }

    [Fact]
    public async Task SupportAgreementsSection_NoCustomer_ShowsTheErrorUnderItsLabelAndSavesNothing()
    {
        var (_, desk) = await SeedAsync();
        var cut = Render<SupportAgreementsSection>(p => p.Add(x => x.Teams, [desk]));

        await cut.InvokeAsync(() => cut.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("Orphan"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-agreement]").Click());

        cut.WaitForAssertion(() => Assert.Contains("Customer organization: The customer organization is required.", cut.Find("[data-testid=agreement-error]").TextContent));
        Assert.Empty(await Host.Get<SupportAgreementListQuery>().ExecuteAsync());
    }

    [Fact]
    public async Task SupportAgreementsSection_EditClickedAndTeamCleared_SavesTheSameAgreement()
    {
        var (acme, desk) = await SeedAsync();
        var id = await Host.Get<SaveSupportAgreementCommand>().ExecuteAsync(new(null, "Acme first line", acme, desk.Id));
        var cut = Render<SupportAgreementsSection>(p => p.Add(x => x.Teams, [desk]));
        cut.WaitForAssertion(() => cut.Find($"[data-testid=edit-agreement-{id}]"));

        await cut.InvokeAsync(() => cut.Find($"[data-testid=edit-agreement-{id}]").Click());
        Assert.Equal("Acme first line", cut.FindComponent<MudTextField<string>>().Find("input").GetAttribute("value"));
        await cut.InvokeAsync(() => Select(cut, "Service desk team").Instance.ValueChanged.InvokeAsync(null));
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-agreement]").Click());

        cut.WaitForAssertion(() => Assert.Null(Assert.Single(Host.Get<SupportAgreementListQuery>().ExecuteAsync().Result).ServiceDeskTeamId));
        Assert.Equal(id, (await Host.Get<SupportAgreementListQuery>().ExecuteAsync()).Single().Id);
    }
}
