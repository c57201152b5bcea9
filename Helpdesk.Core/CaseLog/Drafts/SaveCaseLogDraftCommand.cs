using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.CaseLog.Drafts;

/// <summary>Keeps an agent's draft on the server while they type; an empty draft is removed.</summary>
public sealed class SaveCaseLogDraftCommand(IDbContextFactory<HelpdeskDbContext> contextFactory, TimeProvider clock)
{
    public async Task ExecuteAsync(CaseLogDraftContent content, int agentId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var draft = await db.Set<CaseLogDraft>()
            .FirstOrDefaultAsync(d => d.TicketId == content.TicketId && d.AgentId == agentId && d.Log == content.Log, ct);
        if (content.IsEmpty)
        {
            if (draft is not null) db.Remove(draft);
            await db.SaveChangesAsync(ct);
            return;
        }
        if (draft is null)
        {
            draft = new CaseLogDraft { TicketId = content.TicketId, AgentId = agentId, Log = content.Log };
            db.Add(draft);
        }
        draft.Text = content.Text;
        draft.Markdown = content.Markdown;
        draft.SendEmail = content.SendEmail;
        draft.Files = [.. content.Files.Select(f => new CaseLogDraftFile { FileName = f.FileName, ContentType = f.ContentType, Sha256 = f.Sha256, Size = f.Size })];
        draft.To = content.Recipients is { } chosen ? [.. chosen.To] : null;
        draft.Cc = content.Recipients is { } copied ? [.. copied.Cc] : null;
        draft.Mentions = [.. (content.Mentions ?? []).Select(m => new CaseLogDraftMention { PersonId = m.Id, Name = m.Name, Email = m.Email })];
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(draft).State == EntityState.Added)
        {
            // Two saves of a first draft raced (two tabs); the other one's row exists now, so this one updates it.
            await ExecuteAsync(content, agentId, ct);
        }
    }

    /// <summary>Removes the draft inside the caller's transaction, when its entry is added.</summary>
    internal static Task ClearAsync(HelpdeskDbContext db, int ticketId, int agentId, CaseLogKind log, CancellationToken ct) =>
        db.Set<CaseLogDraft>().Where(d => d.TicketId == ticketId && d.AgentId == agentId && d.Log == log).ExecuteDeleteAsync(ct);
}
