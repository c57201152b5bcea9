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
            return Results.File(blobs.OpenRead(attachment.Sha256), attachment.ContentType, attachment.FileName, enableRangeProcessing: true);
        });
    }
}
