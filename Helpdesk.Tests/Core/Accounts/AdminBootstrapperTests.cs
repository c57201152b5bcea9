using Helpdesk.Core.Accounts;
using Helpdesk.Core.People;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.Accounts;

public sealed class AdminBootstrapperTests
{
    [Fact]
    public async Task SeedAsync_NoAdministrator_CreatesOneWithConfiguredPasswordAndAllRoles()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Admin:Email"] = "boss@helpdesk.test", ["Admin:Password"] = "Configured-Pass-1",
        });
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HelpdeskUser>>();

        var admin = await users.FindByEmailAsync("boss@helpdesk.test");

        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, "Configured-Pass-1"));
        Assert.Equal(ConsoleRoles.All.Order(), (await users.GetRolesAsync(admin)).Order());
        await using var db = await host.DbAsync();
        var person = await db.Set<Person>().SingleAsync(p => p.Id == admin.PersonId);
        Assert.True(person.HasRole(PersonRoles.Administrator | PersonRoles.Agent));
    }

    [Theory]
    [InlineData("Configured-Pass-1", false)]
    [InlineData("", true)]
    public async Task SeedAsync_PasswordConfiguredOrGenerated_MustChangeOnlyAGeneratedOne(string configured, bool mustChange)
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Admin:Email"] = "boss@helpdesk.test", ["Admin:Password"] = configured,
        });
        await using var scope = host.Services.CreateAsyncScope();

        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<HelpdeskUser>>().FindByEmailAsync("boss@helpdesk.test");

        Assert.Equal(mustChange, admin!.MustChangePassword);
        Assert.Equal(mustChange, await host.Get<ConsoleUsers>().MustChangePasswordAsync(admin.Id));
    }

    [Fact]
    public async Task ChangeOwnPasswordAsync_OneTimePassword_ClearsTheMustChangeFlag()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Admin:Email"] = "boss@helpdesk.test", ["Admin:Password"] = "" });
        var users = host.Get<ConsoleUsers>();
        var adminId = (await users.ListAsync()).Single().Id;
        await users.ResetPasswordAsync(adminId, "One-Time-Pass-1");

        var sameAgain = await Assert.ThrowsAsync<Helpdesk.Core.Common.ValidationFailedException>(() => users.ChangeOwnPasswordAsync(adminId, "One-Time-Pass-1", "One-Time-Pass-1"));
        Assert.True(await users.MustChangePasswordAsync(adminId));
        await users.ChangeOwnPasswordAsync(adminId, "One-Time-Pass-1", "Own-Chosen-Pass-2");

        Assert.Contains("newPassword", sameAgain.Errors.Keys);
        Assert.False(await users.MustChangePasswordAsync(adminId));
    }

    [Fact]
    public async Task SeedAsync_RunTwice_KeepsOneAdministrator()
    {
        await using var host = await CoreTestHost.StartAsync();
        var seeder = host.Services.GetServices<Helpdesk.Core.Persistence.IStartupSeeder>().Single(s => s.GetType().Name == "AdminBootstrapper");

        await seeder.SeedAsync(default);

        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HelpdeskUser>>();
        Assert.Single(await users.GetUsersInRoleAsync(ConsoleRoles.Administrator));
    }

    [Fact]
    public async Task SeedAsync_ARoleDeletedSinceTheLastStart_CreatesItAgain()
    {
        await using var host = await CoreTestHost.StartAsync();
        var seeder = host.Services.GetServices<Helpdesk.Core.Persistence.IStartupSeeder>().Single(s => s.GetType().Name == "AdminBootstrapper");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            Assert.True((await roles.DeleteAsync((await roles.FindByNameAsync(ConsoleRoles.Supervisor))!)).Succeeded);
        }

        await seeder.SeedAsync(default);

        await using var check = host.Services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().RoleExistsAsync(ConsoleRoles.Supervisor));
    }

    [Fact]
    public async Task PasswordSignIn_FiveWrongPasswords_LocksTheAccount()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HelpdeskUser>>();
        var admin = (await users.GetUsersInRoleAsync(ConsoleRoles.Administrator)).Single();

        for (var i = 0; i < 5; i++)
            await users.AccessFailedAsync(admin);

        Assert.True(await users.IsLockedOutAsync(admin));
    }
}
