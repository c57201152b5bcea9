using Helpdesk.Blazor.Features.Account;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.People;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Features.Account;

/// <summary>What an open console circuit checks every minute, against the real Identity stores.</summary>
public sealed class RevalidatingIdentityStateProviderTests : IAsyncLifetime
{
    private readonly ConsoleHttpHost _host = new();
    private Person _person = default!;

    public async Task InitializeAsync()
    {
        _person = new Person { Name = "Ann Agent", PrimaryEmail = "ann@helpdesk.test", Roles = PersonRoles.Agent, CreatedAt = DateTime.UtcNow };
        await using var db = await _host.DbAsync();
        db.Add(_person);
        await db.SaveChangesAsync();
        await _host.Factory.Services.GetRequiredService<ConsoleUsers>().CreateAsync(_person.Id, "Agent-Pass-2026", [ConsoleRoles.Agent]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(RevalidatingIdentityStateProvider Provider, System.Security.Claims.ClaimsPrincipal Session)> SessionAsync()
    {
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HelpdeskUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<HelpdeskUser>>()
            .CreateUserPrincipalAsync((await users.FindByEmailAsync(_person.PrimaryEmail))!);
        var provider = (RevalidatingIdentityStateProvider)_host.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        return (provider, principal);
    }

    [Fact]
    public async Task IsStillValidAsync_NothingChanged_KeepsTheSession()
    {
        var (provider, session) = await SessionAsync();

        Assert.True(await provider.IsStillValidAsync(session));
    }

    [Fact]
    public async Task IsStillValidAsync_PersonDeactivated_EndsTheSession()
    {
        var (provider, session) = await SessionAsync();

        await _host.Factory.Services.GetRequiredService<SavePersonCommand>()
            .ExecuteAsync(new PersonInput(_person.Id, _person.Name, _person.PrimaryEmail, [], null, _person.Roles, IsActive: false));

        Assert.False(await provider.IsStillValidAsync(session));
    }

    [Fact]
    public async Task IsStillValidAsync_RolesChanged_EndsTheSession()
    {
        var (provider, session) = await SessionAsync();
        var users = _host.Factory.Services.GetRequiredService<ConsoleUsers>();
        var login = (await users.ListAsync()).Single(u => u.PersonId == _person.Id);

        await users.SetRolesAsync(login.Id, [ConsoleRoles.Agent, ConsoleRoles.Supervisor]);

        Assert.False(await provider.IsStillValidAsync(session));
    }
}
