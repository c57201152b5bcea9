using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.CaseLog.RemoteImages;

/// <summary>An entry's blocked remote image, fetched for an agent: only a URL that entry listed, never one the caller names.</summary>
public sealed class RemoteImageQuery(IDbContextFactory<HelpdeskDbContext> contextFactory, RemoteImageFetcher fetcher)
{
    /// <returns>The image, or null when the entry has no such image or it cannot be fetched.</returns>
    public async Task<RemoteImage?> ExecuteAsync(long entryId, int n, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var urls = await db.Set<CaseLogEntry>().AsNoTracking().Where(e => e.Id == entryId).Select(e => e.RemoteImageUrls).FirstOrDefaultAsync(ct);
        if (urls is null || n < 0 || n >= urls.Count) return null;
        return await fetcher.FetchAsync(urls[n], ct);
    }
}
