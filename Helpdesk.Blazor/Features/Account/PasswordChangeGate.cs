using System.Security.Claims;
using Helpdesk.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Helpdesk.Blazor.Features.Account;

/// <summary>
/// A login that must change its password (the generated administrator's one-time password) reaches only the password
/// page and logging out until it has: pages redirect to the password page, every other endpoint answers 403. Inside
/// a circuit, <see cref="PasswordChangeGuard"/> does the same for in-app navigation.
/// </summary>
public static class PasswordChangeGate
{
    public const string PagePath = "/account/password";

    // The circuit hub and the framework's scripts carry the password page itself.
    private static readonly string[] OpenPaths = [PagePath, "/account/logout", "/_blazor", "/_framework"];

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (IsOpen(http) || !await IsPendingAsync(http.User, http.RequestServices.GetRequiredService<ConsoleUsers>(), http.RequestAborted))
        {
            await next(http);
            return;
        }
        if (HttpMethods.IsGet(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            http.Response.Redirect(PagePath);
        else
        {
            // A body of its own: the status code pages would re-execute into a page, and pages redirect.
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsync($"Change your password first ({PagePath}).", http.RequestAborted);
        }
    });

    /// <summary>True while the signed-in login still has to replace its handed-out password.</summary>
    public static async Task<bool> IsPendingAsync(ClaimsPrincipal user, ConsoleUsers users, CancellationToken ct = default) =>
        user.HasClaim(ConsoleClaimsPrincipalFactory.MustChangePasswordClaim, "true")
        && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
        && await users.MustChangePasswordAsync(id, ct);

    private static bool IsOpen(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null
        || OpenPaths.Any(path => http.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));
}
