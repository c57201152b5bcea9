using Helpdesk.Core.Accounts;
using Helpdesk.Core.Correspondence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

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

    private static async Task<IResult> LoginAsync(
        SignInManager<HelpdeskUser> signIn, UserManager<HelpdeskUser> users, LoginFailureMonitor failures, IAntiforgery antiforgery, HttpContext http)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            return Back(LoginProblem.Expired, null, "/");
        var form = await http.Request.ReadFormAsync();
        string? email = form["email"], password = form["password"], returnUrl = form["returnUrl"];
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            return Back(LoginProblem.Missing, email, target);

        var user = await users.FindByEmailAsync(email.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await failures.RecordSuccessAsync(email.Trim());
            return Results.LocalRedirect(target);
        }
        // Identity says "not allowed" before it looks at the password: say why only to whoever knows the password.
        if (result.IsNotAllowed && await users.CheckPasswordAsync(user!, password))
            return Back(LoginProblem.Deactivated, email, target);
        await failures.RecordFailureAsync(email.Trim(), http.Connection.RemoteIpAddress?.ToString());

        return Back(result.IsLockedOut ? LoginProblem.Locked : LoginProblem.Wrong, email, target);
    }

    private static IResult Back(LoginProblem problem, string? email, string returnUrl) =>
        Results.LocalRedirect($"/account/login?error={problem}&email={Uri.EscapeDataString(email ?? "")}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    // Only a well-formed path on this site: a control character (a tab, %09) made the redirect throw, "//" and "/\\" leave the site.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\")
        && !url.Any(char.IsControl) && Uri.IsWellFormedUriString(url, UriKind.Relative);
}
