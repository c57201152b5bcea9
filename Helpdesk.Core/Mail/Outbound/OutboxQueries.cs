using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Outbound;

public sealed record OutboxSummary(long Id, string Kind, bool IsTest, int? TicketId, string? TriggerName, string? ActionName,
    string To, string Cc, string Bcc, string Subject, OutboxStatus Status, int Attempts, DateTime CreatedAt, DateTime? SentAt,
    DateTime NextAttemptAt, string? LastError, string? RecipientReasons, DateTime? BouncedAt, DateTime? DelayedAt);

public sealed record OutboxPage(IReadOnlyList<OutboxSummary> Items, int TotalCount);

/// <summary>The notification log: every mail written to the outbox, newest first.</summary>
public sealed class OutboxListQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    /// <returns>An empty page for an actor who may not open original mail: the log is the way to it.</returns>
    public async Task<OutboxPage> ExecuteAsync(OutboxStatus? status, int page, int pageSize, Actor actor, CancellationToken ct = default)
    {
        if (!TicketAccess.AllowsAgent(actor, TicketOperation.ViewRawMail)) return new OutboxPage([], 0);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var query = db.Set<OutboxMessage>().AsNoTracking();
        if (status is { } s) query = query.Where(m => m.Status == s);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.Id).Skip(Math.Max(0, page) * pageSize).Take(Math.Clamp(pageSize, 1, 200))
            .Select(m => new OutboxSummary(m.Id, m.Kind, m.IsTest, m.TicketId,
                db.Set<Trigger>().Where(t => t.Id == m.TriggerId).Select(t => t.Name).FirstOrDefault(),
                db.Set<EmailAction>().Where(a => a.Id == m.ActionId).Select(a => a.Name).FirstOrDefault(),
                m.To, m.Cc, m.Bcc, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.NextAttemptAt, m.LastError, m.RecipientReasons, m.BouncedAt, m.DelayedAt))
            .ToListAsync(ct);
        return new OutboxPage(items, total);
    }
}
