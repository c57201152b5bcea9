using Helpdesk.Core.Attachments;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.CaseLog.Drafts;

public sealed class CaseLogDraftsQuery(IDbContextFactory<HelpdeskDbContext> contextFactory, BlobStore blobs)
{
    /// <returns>The actor's own drafts for the ticket, one per log at most; none for an actor who may no longer see the ticket.</returns>
    public async Task<IReadOnlyList<CaseLogDraftContent>> ExecuteAsync(int ticketId, Actor actor, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } author) return [];
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await TicketAccess.AllowsAsync(db, actor, ticketId, TicketOperation.View, ct)) return [];
        var drafts = await db.Set<CaseLogDraft>().AsNoTracking()
            .Where(d => d.TicketId == ticketId && d.AgentId == author)
            .ToListAsync(ct);
        // A staged file whose blob is gone cannot be attached any more; the draft comes back without it.
        return [.. drafts.Select(d => new CaseLogDraftContent(d.TicketId, d.Log, d.Text, d.Markdown, d.SendEmail,
            [.. d.Files.Where(f => blobs.Exists(f.Sha256)).Select(f => new StagedFile(f.FileName, f.ContentType, f.Size, f.Sha256))],
            d.To is null ? null : new EntryRecipients(d.To, d.Cc ?? []),
            // Drafts saved before mentions were kept have none (NULL).
            [.. (d.Mentions ?? []).Select(m => new PersonRef(m.PersonId, m.Name, m.Email))]))];
    }
}
