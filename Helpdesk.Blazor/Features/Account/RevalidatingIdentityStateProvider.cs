using System.Security.Claims;
using Helpdesk.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Features.Account;

/// <summary>
/// A console circuit can stay open for hours; every minute it checks that its login still exists, is allowed to sign
/// in (person active) and has the same security stamp (renewed on deactivation, email or role change). If not, the
/// circuit becomes anonymous and the agent is sent to the login page.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) => IsStillValidAsync(state.User);

    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HelpdeskUser>>();
        if (await users.GetUserAsync(principal) is not { } user) return false;
        if (!await scope.ServiceProvider.GetRequiredService<IUserConfirmation<HelpdeskUser>>().IsConfirmedAsync(users, user)) return false;
        return principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
