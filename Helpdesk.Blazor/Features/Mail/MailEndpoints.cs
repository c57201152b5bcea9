using Helpdesk.Blazor.Features.Security;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.Mail;

namespace Helpdesk.Blazor.Features.Mail;

/// <summary>Raw .eml downloads for administrators: every mail in and out is kept as received or sent.</summary>
public static class MailEndpoints
{
    public static void MapMailEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/mail").RequireAuthorization(p => p.RequireRole(ConsoleRoles.Administrator)).WithoutCaching();
        admin.MapGet("/inbox/{id:long}/raw", async (long id, RawMailQuery query, HttpContext http, BlobStore blobs, CancellationToken ct) =>
        {
            var sha = await CurrentActor.OfRequestAsync(http) is { } actor ? await query.InboundAsync(id, actor, ct) : null;
            return Raw(sha, blobs, $"inbound-{id}.eml");
        });
        admin.MapGet("/outbox/{id:long}/raw", async (long id, RawMailQuery query, HttpContext http, BlobStore blobs, CancellationToken ct) =>
        {
            var sha = await CurrentActor.OfRequestAsync(http) is { } actor ? await query.OutboundAsync(id, actor, ct) : null;
            return Raw(sha, blobs, $"outbound-{id}.eml");
        });
    }

    private static IResult Raw(string? sha, BlobStore blobs, string name) =>
        sha is null || !blobs.Exists(sha)
            ? Results.NotFound("This mail has no stored copy (yet).")
            : Results.File(blobs.OpenRead(sha), "message/rfc822", name);
}
