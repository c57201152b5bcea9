using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Core.Tickets.Events;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.CaseLog;

public sealed class AppendCaseLogEntryCommand(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    CaseLogEntryFactory entryFactory,
    TicketEventPublisher events,
    ITicketChangeFeed feed,
    TimeProvider clock)
{
    public async Task<long> ExecuteAsync(NewCaseLogEntry input, Actor actor, CancellationToken ct = default, SameCommit? alsoCommit = null)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == input.TicketId, ct)
            ?? throw new NotFoundException($"Ticket {TicketNumber.Format(input.TicketId)} does not exist (it may have been deleted).");
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = entryFactory.Create(ticket, input.Log, input.Text, input.Format, input.Files, actor, input.Origin, now);
        entry.SourceMessageId = input.SourceMessageId;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(entry);
        foreach (var note in input.AuditNotes)
            db.Add(TicketAuditTrail.Entry(ticket, actor, now, "mail", null, null, note));
        await db.SaveChangesAsync(ct);
        entryFactory.LinkInlineImages(entry);
        await TicketContactList.AddAsync(db, ticket, input.ContactIds, actor, now, TicketContactList.CcNote, ct);
        // Appending to a log is not a field edit: it must not conflict with someone editing the header, so no Version bump.
        await db.Set<Ticket>().Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.UpdatedAt, now), ct);
        await events.PublishAsync(db, new CaseLogAppendedEvent(ticket, actor, entry, input.SendEmail && input.Origin == EntryOrigin.Console), ct);
        if (alsoCommit is not null) await alsoCommit(db, ticket.Id, ct);
        if (actor.PersonId is { } authorId) await SaveCaseLogDraftCommand.ClearAsync(db, ticket.Id, authorId, input.Log, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        feed.Publish(new TicketChanged(ticket.Id, TicketChangeKind.CaseLogAppended, actor.PersonId, now));
        return entry.Id;
    }
}
