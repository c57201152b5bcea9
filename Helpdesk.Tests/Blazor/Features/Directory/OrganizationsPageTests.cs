using Bunit;
using Helpdesk.Blazor.Features.Directory;
using Helpdesk.Core.Organizations;
using Helpdesk.Tests.TestSupport;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.Directory;

public sealed class OrganizationsPageTests : HelpdeskBunitContext
{
    [Fact]
    public async Task OrganizationsPage_EditMarksAsSupplier_ListShowsItAndKeepsTheName()
    {
        await Host.Get<SaveOrganizationCommand>().ExecuteAsync(null, "Acme Networks");
        var cut = Render<OrganizationsPage>();
        cut.WaitForAssertion(() => Assert.Contains("Acme Networks", cut.Find("[data-testid=organizations-table]").TextContent));

        await cut.InvokeAsync(() => cut.FindAll("[data-testid=organizations-table] button").Single(b => b.TextContent.Contains("Edit")).Click());
        await cut.InvokeAsync(() => cut.FindComponent<MudCheckBox<bool>>().Instance.ValueChanged.InvokeAsync(true));
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-organization]").Click());

        var row = Assert.Single(await Host.Get<OrganizationListQuery>().ExecuteAsync());
        Assert.Equal(("Acme Networks", true), (row.Name, row.IsSupplier));
        cut.WaitForAssertion(() => Assert.Contains("yes", cut.Find("[data-testid=organizations-table] tbody").TextContent));
    }
}
