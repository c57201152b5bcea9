using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Accounts;

public sealed class ConsoleUsersTests
{
    [Fact]
    public async Task CreateAsync_PersonWithAgentRole_CanLogInAndGetsRoleFlag()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ann = await host.AddPersonAsync("Ann", "ann@helpdesk.test");
        var users = host.Get<ConsoleUsers>();

        await users.CreateAsync(ann.Id, "Agent-Pass-2026", [ConsoleRoles.Agent]);

        var row = Assert.Single(await users.ListAsync(), u => u.PersonId == ann.Id);
        Assert.Equal([ConsoleRoles.Agent], row.Roles);
        await using var db = await host.DbAsync();
        Assert.True((await db.Set<Person>().SingleAsync(p => p.Id == ann.Id)).HasRole(PersonRoles.Agent));
    }

    [Fact]
    public async Task CreateAsync_WeakPassword_ExplainsThePolicy()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ann = await host.AddPersonAsync("Ann", "ann@helpdesk.test");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<ConsoleUsers>().CreateAsync(ann.Id, "short", [ConsoleRoles.Agent]));

        Assert.Contains("at least 10 characters", error.Errors["password"]);
    }

    [Fact]
    public async Task SetRolesAsync_LastAdministrator_CannotLoseTheRole()
    {
        await using var host = await CoreTestHost.StartAsync();
        var users = host.Get<ConsoleUsers>();
        var admin = Assert.Single(await users.ListAsync());

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => users.SetRolesAsync(admin.Id, [ConsoleRoles.Agent]));

        Assert.Contains("last administrator", error.Errors["roles"]);
    }

    [Fact]
    public async Task ChangeOwnPasswordAsync_WrongCurrentPassword_SaysSo()
    {
        await using var host = await CoreTestHost.StartAsync();
        var users = host.Get<ConsoleUsers>();
        var admin = Assert.Single(await users.ListAsync());

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => users.ChangeOwnPasswordAsync(admin.Id, "wrong-one-123", "New-Password-2026"));
        await users.ChangeOwnPasswordAsync(admin.Id, "Test-Password-1", "New-Password-2026");

        Assert.Equal("The current password is not right.", error.Errors["currentPassword"]);
    }
}
