using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.SharedState;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tickets.Presence;

/// <summary>
/// PostgreSQL only: who has which ticket open on every instance, as <see cref="TicketPresenceEntry"/> rows. Each write
/// is followed by a NOTIFY on <see cref="SharedStateChannels.Presence"/> with the ticket id, which
/// <see cref="PostgresChangeListener"/> turns into <see cref="Changed"/> on every instance.
/// </summary>
public sealed class SharedTicketPresence(IDbContextFactory<HelpdeskDbContext> contexts, IOptions<HelpdeskOptions> helpdesk, TimeProvider clock)
{
    /// <summary>How often an instance renews the rows of its open pages (and looks again at the others').</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(10);

    /// <summary>A row not renewed for this long belongs to an instance that died: it no longer counts.</summary>
    public static readonly TimeSpan Expiry = Renewal * 3;

    /// <summary>Raised with a ticket id when an instance (this one too) changed who is on that ticket.</summary>
    public event Action<int>? Changed;

    /// <summary>The listen connection (re)opened: notifications sent while it was not listening are lost, so who is where is read again.</summary>
    public event Action? MayHaveMissedChanges;

    internal void Listening() => MayHaveMissedChanges?.Invoke();

    internal void Heard(string payload)
    {
        if (int.TryParse(payload, out var ticketId)) Changed?.Invoke(ticketId);
    }

    /// <summary>Lists the session, or brings its row up to date if it is there already (written again after a lost write).</summary>
    public async Task JoinAsync(Guid sessionId, int ticketId, int? personId, string name, CaseLogKind? typingIn, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now;
        // Only the session's own ordered writes insert its row, so looking first cannot race another insert of it.
        var updated = await db.Set<TicketPresenceEntry>().Where(e => e.SessionId == sessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.TypingIn, typingIn).SetProperty(e => e.RenewedAt, now), ct);
        if (updated == 0)
        {
            db.Add(new TicketPresenceEntry
            {
                SessionId = sessionId, TicketId = ticketId, PersonId = personId, Name = name, TypingIn = typingIn,
                Instance = helpdesk.Value.InstanceName, RenewedAt = now,
            });
            await db.SaveChangesAsync(ct);
        }
        await NotifyAsync(db, ticketId, ct);
    }

    public async Task TypingAsync(Guid sessionId, int ticketId, CaseLogKind? typingIn, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now;
        await db.Set<TicketPresenceEntry>().Where(e => e.SessionId == sessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.TypingIn, typingIn).SetProperty(e => e.RenewedAt, now), ct);
        await NotifyAsync(db, ticketId, ct);
    }

    public async Task LeaveAsync(Guid sessionId, int ticketId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Set<TicketPresenceEntry>().Where(e => e.SessionId == sessionId).ExecuteDeleteAsync(ct);
        await NotifyAsync(db, ticketId, ct);
    }

    /// <summary>Keeps this instance's open pages listed, and deletes rows long expired (their instance died).</summary>
    /// <returns>
    /// The sessions that have no row to renew: their join was never written (the database was out of reach), or the
    /// row was deleted as expired while this instance could not renew it. The caller writes them again.
    /// </returns>
    public async Task<IReadOnlyList<Guid>> RenewAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now;
        IReadOnlyList<Guid> missing = [];
        if (sessionIds.Count > 0)
        {
            var renewed = await db.Set<TicketPresenceEntry>().Where(e => sessionIds.Contains(e.SessionId))
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.RenewedAt, now), ct);
            if (renewed < sessionIds.Count)
            {
                var found = await db.Set<TicketPresenceEntry>().Where(e => sessionIds.Contains(e.SessionId)).Select(e => e.SessionId).ToListAsync(ct);
                missing = [.. sessionIds.Except(found)];
            }
        }
        var forgotten = now - Expiry * 2;
        await db.Set<TicketPresenceEntry>().Where(e => e.RenewedAt < forgotten).ExecuteDeleteAsync(ct);
        return missing;
    }

    /// <summary>The live rows of <paramref name="ticketId"/>, on every instance.</summary>
    public async Task<IReadOnlyList<TicketPresenceEntry>> OnTicketAsync(int ticketId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var since = Now - Expiry;
        return await db.Set<TicketPresenceEntry>().AsNoTracking().Where(e => e.TicketId == ticketId && e.RenewedAt >= since)
            .OrderBy(e => e.Name).ThenBy(e => e.SessionId).ToListAsync(ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static Task NotifyAsync(HelpdeskDbContext db, int ticketId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_notify({SharedStateChannels.Presence}, {ticketId.ToString()})", ct);
}
