using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.CaseLog;

public sealed class AppendCaseLogEntryCommand(TicketWrite write, CaseLogEntryFactory entryFactory)
{
    public Task<long> ExecuteAsync(NewCaseLogEntry input, Actor actor, CancellationToken ct = default, SameCommit? alsoCommit = null) =>
        write.ChangeAsync(input.TicketId, Operation(input.Log), actor, scope => AppendAsync(scope, input, ct), ct, alsoCommit);

    public static TicketOperation Operation(CaseLogKind log) =>
        log == CaseLogKind.Public ? TicketOperation.AppendPublicEntry : TicketOperation.AppendPrivateEntry;

    private async Task<long> AppendAsync(TicketWriteScope scope, NewCaseLogEntry input, CancellationToken ct)
    {
        var (db, ticket, actor, now) = (scope.Db, scope.Ticket, scope.Actor, scope.Now);
        var entry = entryFactory.Create(ticket, input.Log, input.Text, input.Format, input.Files, actor, input.Origin, now);
        entry.SourceMessageId = input.SourceMessageId;
        entry.SourceInboundId = input.SourceInboundId;

        db.Add(entry);
        foreach (var note in input.AuditNotes)
            db.Add(TicketAuditTrail.Entry(ticket, actor, now, "mail", null, null, note));
        await db.SaveChangesAsync(ct);
        entryFactory.LinkInlineImages(entry);
        await TicketContactList.AddAsync(db, ticket, input.ContactIds, actor, now, TicketContactList.CcNote, ct);
        // Appending to a log is not a field edit: it must not conflict with someone editing the header, so no Version bump.
        await db.Set<Ticket>().Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.UpdatedAt, now), ct);
        if (actor.PersonId is { } authorId) await SaveCaseLogDraftCommand.ClearAsync(db, ticket.Id, authorId, input.Log, ct);
        scope.Changed(TicketChangeKind.CaseLogAppended, new CaseLogAppendedEvent(ticket, actor, entry, input.SendEmail && input.Origin == EntryOrigin.Console));
        return entry.Id;
    }
}
