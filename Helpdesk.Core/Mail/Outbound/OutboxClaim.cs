using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>A send round's hold on due outbox mail: a token and a lease on each row, taken in one statement.</summary>
public static class OutboxClaim
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due mails, oldest first: of two rounds (in one process or two) racing
    /// for a row, one wins; a claim whose lease ran out is taken over.
    /// </summary>
    public static async Task<List<OutboxMessage>> ClaimDueAsync(HelpdeskDbContext db, DateTime now, int batchSize, TimeSpan lease, CancellationToken ct)
    {
        var claim = Guid.NewGuid().ToString("N");
        var until = now + lease;
        int claimed;
        if (db.Database.IsNpgsql())
            claimed = await ClaimSkippingLockedAsync(db, claim, now, until, batchSize, ct);
        else
        {
            var due = db.Set<OutboxMessage>()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimExpiresAt == null || m.ClaimExpiresAt < now))
                .OrderBy(m => m.Id).Take(batchSize).Select(m => m.Id);
            claimed = await db.Set<OutboxMessage>().Where(m => due.Contains(m.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, claim).SetProperty(m => m.ClaimExpiresAt, until), ct);
        }
        if (claimed == 0) return [];
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ClaimToken == claim).OrderBy(m => m.Id).ToListAsync(ct);
    }

    /// <summary>
    /// On PostgreSQL the subquery of an UPDATE ... WHERE Id IN (SELECT ...) is not checked again when a row it chose
    /// was claimed meanwhile by a concurrent round, so both rounds would take it; FOR UPDATE SKIP LOCKED locks what it
    /// chooses and passes over rows another round holds. SQLite runs one writer at a time and needs none of this.
    /// </summary>
    private static Task<int> ClaimSkippingLockedAsync(HelpdeskDbContext db, string claim, DateTime now, DateTime until, int batchSize, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE "OutboxMessage" SET "ClaimToken" = {claim}, "ClaimExpiresAt" = {until}
            WHERE "Id" IN (SELECT "Id" FROM "OutboxMessage"
                WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {now} AND ("ClaimExpiresAt" IS NULL OR "ClaimExpiresAt" < {now})
                ORDER BY "Id" LIMIT {batchSize} FOR UPDATE SKIP LOCKED)
            """, ct);
}
