using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Attachments;

public sealed record AttachmentContent(long Id, string FileName, string ContentType, long Size, string Sha256);

public sealed class AttachmentContentQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<AttachmentContent?> ExecuteAsync(long id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<Attachment>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AttachmentContent(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256)).FirstOrDefaultAsync(ct);
    }
}
