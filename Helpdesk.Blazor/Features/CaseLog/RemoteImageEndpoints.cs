using Helpdesk.Blazor.Features.Security;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.CaseLog.RemoteImages;

namespace Helpdesk.Blazor.Features.CaseLog;

/// <summary>
/// The console's image proxy: an agent who chose to load an entry's remote images gets them from here, so the page
/// loads only from the console (its Content-Security-Policy allows no other image source) and the sender never sees
/// the agent's address.
/// </summary>
public static class RemoteImageEndpoints
{
    public static void MapRemoteImageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/case-log/{entryId:long}/remote-images/{n:int}", async (long entryId, int n, RemoteImageQuery query, HttpContext http, CancellationToken ct) =>
        {
            var image = await CurrentActor.OfRequestAsync(http) is { } actor ? await query.ExecuteAsync(entryId, n, actor, ct) : null;
            if (image is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.File(image.Content, image.ContentType);
        })
        // Served from the console's origin: opened directly, it is a sandboxed file like an attachment (nosniff comes with every response).
        .WithContentSecurityPolicy(SecurityHeaders.AttachmentContentSecurityPolicy)
        .RequireAuthorization(policy => policy.RequireRole(ConsoleRoles.All));
    }
}
