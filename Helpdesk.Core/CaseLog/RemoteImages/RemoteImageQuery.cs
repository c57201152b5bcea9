using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.CaseLog.RemoteImages;

/// <summary>An entry's blocked remote image, fetched for an agent: only a URL that entry listed, never one the caller names.</summary>
public sealed class RemoteImageQuery(IDbContextFactory<HelpdeskDbContext> contextFactory, RemoteImageFetcher fetcher, ILogger<RemoteImageQuery> logger)
{
    /// <returns>The image, or null when the entry has no such image, the actor may not see the entry, or it cannot be fetched.</returns>
    public async Task<RemoteImage?> ExecuteAsync(long entryId, int n, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<CaseLogEntry>().AsNoTracking().Where(e => e.Id == entryId)
            .Select(e => new { e.TicketId, e.Log, e.RemoteImageUrls }).FirstOrDefaultAsync(ct);
        if (entry is null || n < 0 || n >= entry.RemoteImageUrls.Count) return null;
        if (!await TicketAccess.AllowsAsync(db, actor, entry.TicketId, TicketAccess.ToSee(entry.Log), ct))
        {
            logger.LogWarning("Refused the remote images of entry {EntryId} of ticket {TicketId} to {ActorKind} {ActorName} (person {PersonId})",
                entryId, entry.TicketId, actor.Kind, actor.Name, actor.PersonId);
            return null;
        }
        return await fetcher.FetchAsync(entry.RemoteImageUrls[n], ct);
    }
}
