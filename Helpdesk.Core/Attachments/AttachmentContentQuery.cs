using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Attachments;

public sealed record AttachmentContent(long Id, string FileName, string ContentType, long Size, string Sha256);

/// <summary>A stored file for whoever may see what it is attached to: the ticket, or its entry's log.</summary>
public sealed class AttachmentContentQuery(IDbContextFactory<HelpdeskDbContext> contextFactory, ILogger<AttachmentContentQuery> logger)
{
    /// <returns>The file, or null when it does not exist or the actor may not see it; the caller cannot tell which.</returns>
    public async Task<AttachmentContent?> ExecuteAsync(long id, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var found = await db.Set<Attachment>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Content = new AttachmentContent(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256),
                a.TicketId,
                Log = db.Set<CaseLogEntry>().Where(e => e.Id == a.CaseLogEntryId).Select(e => (CaseLogKind?)e.Log).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null) return null;
        // A file on no entry belongs to the ticket as a whole, as public as the ticket.
        if (await TicketAccess.AllowsAsync(db, actor, found.TicketId, TicketAccess.ToSee(found.Log ?? CaseLogKind.Public), ct))
            return found.Content;
        logger.LogWarning("Refused attachment {AttachmentId} of ticket {TicketId} to {ActorKind} {ActorName} (person {PersonId})",
            id, found.TicketId, actor.Kind, actor.Name, actor.PersonId);
        return null;
    }
}
