using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>A processing round's hold on one received mail: the same claim the outbox takes (token + lease, one conditional UPDATE).</summary>
public sealed record InboundClaim(long InboundId, string Token)
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> pending mails, oldest first, for one round: of two rounds (in one process
    /// or two) racing for a row, one wins; a claim whose lease ran out is taken over. Returns each claim with its row as
    /// claimed (not tracked), so the round need not read the rows again.
    /// </summary>
    public static async Task<IReadOnlyList<ClaimedInbound>> ClaimPendingAsync(HelpdeskDbContext db, long? onlyId, int batchSize, DateTime now, TimeSpan lease,
        CancellationToken ct)
    {
        var token = Guid.NewGuid().ToString("N");
        var until = now + lease;
        int claimed;
        if (db.Database.IsNpgsql())
            claimed = await ClaimSkippingLockedAsync(db, token, onlyId, batchSize, now, until, ct);
        else
        {
            var pending = db.Set<InboundMessage>()
                .Where(m => m.Status == InboundStatus.Received && (m.ClaimExpiresAt == null || m.ClaimExpiresAt < now) && (onlyId == null || m.Id == onlyId))
                .OrderBy(m => m.Id).Take(batchSize).Select(m => m.Id);
            claimed = await db.Set<InboundMessage>().Where(m => pending.Contains(m.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimExpiresAt, until), ct);
        }
        if (claimed == 0) return [];
        var rows = await db.Set<InboundMessage>().AsNoTracking().Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(ct);
        return [.. rows.Select(row => new ClaimedInbound(new InboundClaim(row.Id, token), row))];
    }

    /// <summary>Moves the lease of the round's mails still pending to <paramref name="until"/> (see <see cref="ClaimRenewal"/>).</summary>
    public static Task<int> RenewAsync(HelpdeskDbContext db, string token, DateTime until, CancellationToken ct) =>
        db.Set<InboundMessage>().Where(m => m.ClaimToken == token && m.Status == InboundStatus.Received)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimExpiresAt, until), ct);

    /// <summary>PostgreSQL: the chosen rows are locked and rows another round holds are passed over (see <c>OutboxClaim</c>).</summary>
    private static Task<int> ClaimSkippingLockedAsync(HelpdeskDbContext db, string token, long? onlyId, int batchSize, DateTime now, DateTime until,
        CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE "InboundMessage" SET "ClaimToken" = {token}, "ClaimExpiresAt" = {until}
            WHERE "Id" IN (SELECT "Id" FROM "InboundMessage"
                WHERE "Status" = 'Received' AND ("ClaimExpiresAt" IS NULL OR "ClaimExpiresAt" < {now}) AND ({onlyId == null} OR "Id" = {onlyId ?? 0})
                ORDER BY "Id" LIMIT {batchSize} FOR UPDATE SKIP LOCKED)
            """, ct);
}

/// <summary>A claim and its mail's row as it was claimed.</summary>
public sealed record ClaimedInbound(InboundClaim Claim, InboundMessage Row);
