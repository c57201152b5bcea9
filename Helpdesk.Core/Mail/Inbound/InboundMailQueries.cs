using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound;

public sealed record InboundSummary(long Id, string Mailbox, string? From, string? Subject, DateTime ReceivedAt, InboundStatus Status,
    int Attempts, string? Outcome, string? Error, int? TicketId);

public sealed record InboundPage(IReadOnlyList<InboundSummary> Items, int TotalCount);

/// <summary>Received mail for the admin page, newest first; quarantined mail is what needs attention.</summary>
public sealed class InboundMailListQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    /// <returns>An empty page for an actor who may not open original mail: the list is the way to it.</returns>
    public async Task<InboundPage> ExecuteAsync(InboundStatus? status, int page, int pageSize, Actor actor, CancellationToken ct = default)
    {
        if (!TicketAccess.AllowsAgent(actor, TicketOperation.ViewRawMail)) return new InboundPage([], 0);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var query = db.Set<InboundMessage>().AsNoTracking();
        if (status is { } s) query = query.Where(m => m.Status == s);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.Id).Skip(Math.Max(0, page) * pageSize).Take(Math.Clamp(pageSize, 1, 200))
            .Select(m => new InboundSummary(m.Id, m.Mailbox, m.From, m.Subject, m.ReceivedAt, m.Status, m.Attempts, m.Outcome, m.Error, m.TicketId))
            .ToListAsync(ct);
        return new InboundPage(items, total);
    }
}

/// <summary>Sends a quarantined mail through processing again (after the cause was fixed, e.g. a person added).</summary>
public sealed class RetryInboundMailCommand(IDbContextFactory<HelpdeskDbContext> contextFactory, Processing.InboundMailProcessor processor)
{
    public async Task<InboundSummary> ExecuteAsync(long id, CancellationToken ct = default)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            var row = await db.Set<InboundMessage>().FirstOrDefaultAsync(m => m.Id == id, ct)
                ?? throw new NotFoundException("That mail is no longer stored.");
            if (row.Status is not (InboundStatus.Quarantined or InboundStatus.Ignored))
                throw new ValidationFailedException("status", "Only quarantined or ignored mail can be processed again.");
            row.Status = InboundStatus.Received;
            row.Error = null;
            await db.SaveChangesAsync(ct);
        }
        await processor.ProcessAsync(id, ct);
        await using var check = await contextFactory.CreateDbContextAsync(ct);
        return await check.Set<InboundMessage>().AsNoTracking().Where(m => m.Id == id)
            .Select(m => new InboundSummary(m.Id, m.Mailbox, m.From, m.Subject, m.ReceivedAt, m.Status, m.Attempts, m.Outcome, m.Error, m.TicketId)).FirstAsync(ct);
    }
}
