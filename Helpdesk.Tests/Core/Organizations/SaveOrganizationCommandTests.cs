using Helpdesk.Core.Common;
using Helpdesk.Core.Organizations;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Organizations;

public sealed class SaveOrganizationCommandTests
{
    [Theory]
    [InlineData("  ", "A name is required.")]
    [InlineData(" Acme ", "An organization named Acme already exists.")]
    public async Task ExecuteAsync_BadName_RefusedWithFieldMessage(string name, string message)
    {
        await using var host = await CoreTestHost.StartAsync();
        var save = host.Get<SaveOrganizationCommand>();
        await save.ExecuteAsync(null, "Acme");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => save.ExecuteAsync(null, name));

        Assert.Equal(message, error.Errors["name"]);
    }

    [Fact]
    public async Task ExecuteAsync_RenameAndMarkAsSupplier_ListShowsBothAndCountsPeople()
    {
        await using var host = await CoreTestHost.StartAsync();
        var save = host.Get<SaveOrganizationCommand>();
        var id = await save.ExecuteAsync(null, "Acme");
        var alice = await host.AddPersonAsync("Alice", "alice@acme.test");
        await using (var db = await host.DbAsync())
        {
            db.Set<Helpdesk.Core.People.Person>().Single(p => p.Id == alice.Id).OrganizationId = id;
            await db.SaveChangesAsync();
        }

        await save.ExecuteAsync(id, "Acme Ltd", isSupplier: true);

        Assert.Equal([new OrganizationRow(id, "Acme Ltd", 1, IsSupplier: true)], await host.Get<OrganizationListQuery>().ExecuteAsync());
    }

    [Fact]
    public async Task ExecuteAsync_DeletedMeanwhile_SaysItNoLongerExists()
    {
        await using var host = await CoreTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => host.Get<SaveOrganizationCommand>().ExecuteAsync(4711, "Ghost"));

        Assert.Equal("That organization no longer exists.", error.Message);
    }
}
