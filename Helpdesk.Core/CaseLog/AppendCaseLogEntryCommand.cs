using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
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
    public Task<long> ExecuteAsync(NewCaseLogEntry input, Actor actor, CancellationToken ct = default, SameCommit? alsoCommit = null,
        TicketWriteBatch? batch = null) =>
        write.ChangeAsync(input.TicketId, Operation(input.Log), actor, scope => AppendAsync(scope, input, ct), ct, alsoCommit, batch);

    public static TicketOperation Operation(CaseLogKind log) =>
        log == CaseLogKind.Public ? TicketOperation.AppendPublicEntry : TicketOperation.AppendPrivateEntry;

    private async Task<long> AppendAsync(TicketWriteScope scope, NewCaseLogEntry input, CancellationToken ct)
    {
        var (db, ticket, actor, now) = (scope.Db, scope.Ticket, scope.Actor, scope.Now);
        var recipients = ChosenRecipients(input);
        recipients?.Validate();
        var entry = entryFactory.Create(db, ticket, input.Log, input.Text, input.Format, input.Files, actor, input.Origin, now,
            (input.SourceMessageId, input.SourceInboundId));
        if (input.Log == CaseLogKind.Private) entry.Mentions.AddRange(await MentionsAsync(db, input.MentionIds, ct));

        db.Add(entry);
        foreach (var note in input.AuditNotes)
            db.Add(TicketAuditTrail.Entry(ticket, actor, now, "mail", null, null, note));
        await db.SaveChangesAsync(ct);
        entryFactory.LinkInlineImages(entry, ticket);
        await TicketContactList.AddAsync(db, ticket, input.ContactIds, actor, now, TicketContactList.CcNote, ct);
        if (recipients is not null) await AddAsContactsAsync(db, ticket, recipients, actor, now, ct);
        // Appending to a log is not a field edit: it must not conflict with someone editing the header, so no Version bump.
        await db.Set<Ticket>().Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.UpdatedAt, now), ct);
        if (actor.PersonId is { } authorId) await SaveCaseLogDraftCommand.ClearAsync(db, ticket.Id, authorId, input.Log, ct);
        scope.Changed(TicketChangeKind.CaseLogAppended, new CaseLogAppendedEvent(ticket, actor, entry, input.SendEmail && input.Origin == EntryOrigin.Console, recipients));
        return entry.Id;
    }

    /// <summary>Only a mailed public reply from the console has recipients of its own; each address counts once.</summary>
    private static EntryRecipients? ChosenRecipients(NewCaseLogEntry input)
    {
        if (input.Recipients is not { } chosen || !input.SendEmail || input.Log != CaseLogKind.Public || input.Origin != EntryOrigin.Console) return null;
        var to = chosen.To.Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var cc = chosen.Cc.Select(a => a.Trim()).Where(a => !to.Contains(a, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new EntryRecipients(to, cc);
    }

    /// <summary>Whoever the agent mails becomes a contact of the ticket (a new address a new end user); leaving someone out removes nobody.</summary>
    private static async Task AddAsContactsAsync(HelpdeskDbContext db, Ticket ticket, EntryRecipients recipients, Actor actor, DateTime now, CancellationToken ct)
    {
        var ids = new List<int>();
        foreach (var (field, addresses) in new[] { ("to", recipients.To), ("cc", recipients.Cc) })
            foreach (var address in addresses)
                ids.Add((await TicketContactList.FindOrCreatePersonAsync(db, field, address, null, now, ct)).Id);
        await TicketContactList.AddAsync(db, ticket, ids, actor, now, RecipientNote, ct);
    }

    private static async Task<List<CaseLogMention>> MentionsAsync(HelpdeskDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return [];
        var agents = await db.Set<Person>().AsNoTracking().Where(p => wanted.Contains(p.Id) && p.IsActive)
            .Select(p => new { p.Id, p.Name, p.Roles }).ToListAsync(ct);
        var mentioned = agents.Where(p => (p.Roles & PersonRoles.Agent) != 0).ToList();
        if (mentioned.Count < wanted.Count)
            throw new ValidationFailedException("mentions", "Someone you mentioned is no longer an active agent; remove that mention and add the note again.");
        return [.. mentioned.Select(p => new CaseLogMention { PersonId = p.Id, Name = p.Name })];
    }

    private const string RecipientNote = "A recipient of a reply's mail.";
}
