using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Accounts;

/// <summary>
/// A password hash that matches no password. Checking a password against it costs what checking a real login costs,
/// so an unknown or locked account answers a login in the same time as a wrong password and does not give itself away.
/// </summary>
public sealed class DecoyPassword
{
    // Identity's own hasher (same algorithm and iteration count), built here because Identity registers it scoped and
    // the decoy hash is made once.
    private readonly PasswordHasher<HelpdeskUser> _hasher;
    private readonly Lazy<string> _hash;

    public DecoyPassword(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<HelpdeskUser>(options);
        _hash = new(() => _hasher.HashPassword(new HelpdeskUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
    }

    public void Check(string password) => _hasher.VerifyHashedPassword(new HelpdeskUser(), _hash.Value, password);
}
