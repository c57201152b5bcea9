using Helpdesk.Blazor.Features.Security;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.Common;

namespace Helpdesk.Blazor.Features.Attachments;

public static class AttachmentEndpoints
{
    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/attachments/{id:long}", async (long id, AttachmentContentQuery query, BlobStore blobs, CancellationToken ct) =>
        {
            var attachment = await query.ExecuteAsync(id, ct);
            if (attachment is null || !blobs.Exists(attachment.Sha256))
                return Results.NotFound("This attachment does not exist.");
            // The file name makes it a download (Content-Disposition: attachment), never a page shown with the sender's type.
            return Results.File(blobs.OpenRead(attachment.Sha256), attachment.ContentType, attachment.FileName, enableRangeProcessing: true);
        }).WithContentSecurityPolicy(SecurityHeaders.AttachmentContentSecurityPolicy);
    }
}
