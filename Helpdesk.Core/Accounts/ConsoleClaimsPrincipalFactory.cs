using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Accounts;

/// <summary>
/// Marks the session of a login that must change its password, so that only those sessions pay for a look at the
/// database on each request (the flag is cleared there, and the mark then no longer counts).
/// </summary>
public sealed class ConsoleClaimsPrincipalFactory(UserManager<HelpdeskUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<HelpdeskUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePasswordClaim = "helpdesk:must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(HelpdeskUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword) identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        return identity;
    }
}
