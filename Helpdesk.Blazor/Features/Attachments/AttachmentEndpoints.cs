using Helpdesk.Blazor.Features.Security;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Attachments;

namespace Helpdesk.Blazor.Features.Attachments;

public static class AttachmentEndpoints
{
    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/attachments/{id:long}", async (long id, AttachmentContentQuery query, BlobStore blobs, HttpContext http, CancellationToken ct) =>
        {
            // A file the login may not see is "not found" too, so its existence is not revealed.
            var attachment = await CurrentActor.OfRequestAsync(http) is { } actor ? await query.ExecuteAsync(id, actor, ct) : null;
            if (attachment is null || !blobs.Exists(attachment.Sha256))
                return Results.NotFound("This attachment does not exist.");
            // The file name makes it a download (Content-Disposition: attachment), never a page shown with the sender's type.
            return Results.File(blobs.OpenRead(attachment.Sha256), attachment.ContentType, attachment.FileName, enableRangeProcessing: true);
        }).WithContentSecurityPolicy(SecurityHeaders.AttachmentContentSecurityPolicy).WithoutCaching();
    }
}
