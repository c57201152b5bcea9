using Helpdesk.Core.Common;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.ServiceCatalog;
using Helpdesk.Core.Teams;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.ServiceCatalog;

public sealed class SupportAgreementCommandsTests
{
    [Fact]
    public async Task ExecuteAsync_NewThenEdited_ListedWithCustomerAndTeam()
    {
        await using var host = await CoreTestHost.StartAsync();
        var acme = await host.Get<SaveOrganizationCommand>().ExecuteAsync(null, "Acme");
        var (desk, desk2) = await TeamsAsync(host);
        var save = host.Get<SaveSupportAgreementCommand>();

        var id = await save.ExecuteAsync(new SupportAgreementInput(null, " Acme first line ", acme, desk));
        await save.ExecuteAsync(new SupportAgreementInput(id, "Acme first line", acme, desk2));

        var row = Assert.Single(await host.Get<SupportAgreementListQuery>().ExecuteAsync());
        Assert.Equal(new SupportAgreementRow(id, "Acme first line", acme, "Acme", desk2, "Desk 2"), row);
    }

    [Fact]
    public async Task ExecuteAsync_NoCustomerDuplicateNameOrUnknownTeam_RefusedPerField()
    {
        await using var host = await CoreTestHost.StartAsync();
        var acme = await host.Get<SaveOrganizationCommand>().ExecuteAsync(null, "Acme");
        var save = host.Get<SaveSupportAgreementCommand>();
        await save.ExecuteAsync(new SupportAgreementInput(null, "Acme first line", acme, null));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => save.ExecuteAsync(new SupportAgreementInput(null, "ACME first line", null, 999)));

        Assert.Equal("A support agreement named ACME first line already exists.", error.Errors["name"]);
        Assert.Equal("The customer organization is required.", error.Errors["customer"]);
        Assert.Equal("The team does not exist.", error.Errors["serviceDeskTeam"]);
        Assert.Single(await host.Get<SupportAgreementListQuery>().ExecuteAsync());
    }

    private static async Task<(int, int)> TeamsAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        var (a, b) = (new Team { Name = "Desk 1" }, new Team { Name = "Desk 2" });
        db.AddRange(a, b);
        await db.SaveChangesAsync();
        return (a.Id, b.Id);
    }
}
