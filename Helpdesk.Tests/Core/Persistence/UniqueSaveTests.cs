using Helpdesk.Core.Common;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Persistence;

public sealed class UniqueSaveTests
{
    [Fact]
    public async Task SaveChangesOrRefuseDuplicateAsync_ValueTakenAfterTheCheck_GivesTheFieldMessage()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.Get<SaveOrganizationCommand>().ExecuteAsync(null, "Acme");
        await using var db = await host.DbAsync();
        db.Add(new Organization { Name = "Acme" }); // as a second agent whose check ran before the first save

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => db.SaveChangesOrRefuseDuplicateAsync("name", "taken meanwhile", default));

        Assert.Equal("taken meanwhile", error.Errors["name"]);
    }

    [Fact]
    public async Task SaveChangesOrRefuseDuplicateAsync_OtherDatabaseError_IsNotDisguised()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = await host.DbAsync();
        db.Add(new Helpdesk.Core.People.Person { Name = "Orphan", PrimaryEmail = "o@x.test", OrganizationId = 4711 });

        await Assert.ThrowsAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() => db.SaveChangesOrRefuseDuplicateAsync("name", "taken", default));
    }
}
