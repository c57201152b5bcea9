using Helpdesk.Core.Accounts;
using Helpdesk.Core.Correspondence.LoginFailures;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Helpdesk.Blazor.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Not the login page's own route: Razor component endpoints also accept POST (forms), which would make it ambiguous.
        // The token is checked in LoginAsync, so that a stale form (another tab, a login page left open) gets a message.
        app.MapPost("/account/signin", LoginAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/account/logout", async (SignInManager<HelpdeskUser> signIn, IAntiforgery antiforgery, HttpContext http) =>
        {
            // A handler without form parameters gets no automatic antiforgery check; another site must not log agents out.
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.BadRequest("This logout did not come from the console. Use the Log out button.");
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });
    }

    private static async Task<IResult> LoginAsync(SignInManager<HelpdeskUser> signIn, UserManager<HelpdeskUser> users,
        LoginFailureMonitor failures, DecoyPassword decoy, IAntiforgery antiforgery, HttpContext http)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            return Back(LoginProblem.Expired, null, "/");
        var form = await http.Request.ReadFormAsync();
        string? email = form["email"], password = form["password"], returnUrl = form["returnUrl"];
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            return Back(LoginProblem.Missing, email, target);
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (await failures.IsThrottledAsync(address))
            return Back(LoginProblem.Throttled, email, target);

        var account = email.Trim();
        var user = await users.FindByEmailAsync(account);
        var result = user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, isPersistent: form["rememberMe"] == "true", lockoutOnFailure: true);
        // Identity checks no password for a locked account, and there is none for an unknown name: the decoy takes
        // the time a password check takes, so neither answers faster than a wrong password.
        if (user is null || result.IsLockedOut)
            decoy.Check(password);
        if (result.Succeeded)
        {
            await failures.RecordSuccessAsync(account);
            return Results.LocalRedirect(target);
        }
        // Identity says "not allowed" before it looks at the password: say why only to whoever knows the password.
        if (result.IsNotAllowed && await users.CheckPasswordAsync(user!, password))
            return Back(LoginProblem.Deactivated, email, target);
        await failures.RecordFailureAsync(account, address);

        // One answer for a wrong password, an unknown name and a locked account, so that hammering a name does not tell whether it exists.
        return Back(LoginProblem.Wrong, email, target);
    }

    private static IResult Back(LoginProblem problem, string? email, string returnUrl) =>
        Results.LocalRedirect($"/account/login?error={problem}&email={Uri.EscapeDataString(email ?? "")}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    // Only a well-formed path on this site: a control character (a tab, %09) made the redirect throw, "//" and "/\\" leave the site.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\")
        && !url.Any(char.IsControl) && Uri.IsWellFormedUriString(url, UriKind.Relative);
}
