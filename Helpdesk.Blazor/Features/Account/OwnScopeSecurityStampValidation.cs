using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Helpdesk.Blazor.Features.Account;

/// <summary>
/// The login cookie's security stamp is checked as Identity checks it (<see cref="ISecurityStampValidator"/>, at most
/// every minute), with services of a scope of its own rather than the request's. A page's circuit runs over one request,
/// its WebSocket, that lasts as long as the page is open: Identity's own check resolved the sign-in and user managers,
/// their stores and a database context into that request's scope, and every open page kept them.
/// </summary>
public static class OwnScopeSecurityStampValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await using var scope = context.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISecurityStampValidator>().ValidateAsync(context);
    }
}
