using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Departments;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Mail.Outbound.MailOut;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Events;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Correspondence;

/// <summary>
/// Automatic correspondence over a ticket's life: autoresponses to end users and alerts to agents. It asks for them per
/// event; <see cref="MailOutComposer"/> sends them, leaving out an address that an administrator's trigger already mails.
/// </summary>
public sealed class CorrespondenceEngine(AlertRecipientResolver recipients, CorrespondenceSettings switches) : IMailIntentSource
{
    public async Task<IReadOnlyList<MailIntent>> IntentsAsync(MailOutEvent e, CancellationToken ct)
    {
        var settings = await switches.GetAsync(e.Db, ct);
        var intents = new List<MailIntent>();
        // A mentioned agent gets the mention alert, not also the note's general one.
        var mentionAlerted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var kind in Plan(e.Event, settings).Where(settings.IsOn))
        {
            var to = (await AddresseesAsync(e.Db, kind, e.Event, settings, ct)).Recipients;
            if (kind == CorrespondenceKind.MentionAlert) mentionAlerted.UnionWith(to.Select(r => r.Address));
            else to = [.. to.Where(r => !mentionAlerted.Contains(r.Address))];
            if (to.Count > 0) intents.Add(await CorrespondenceMail.IntentAsync(e.Db, kind, to, ct));
        }
        return intents;
    }

    /// <summary>Who this event sends this kind of message to, or which switch stops it (the template preview shows the same).</summary>
    public async Task<CorrespondenceAddressees> AddresseesAsync(HelpdeskDbContext db, CorrespondenceKind kind, TicketEvent e, CorrespondenceSwitches settings, CancellationToken ct)
    {
        if (!settings.IsOn(kind) || !Plan(e, settings).Contains(kind)) return CorrespondenceAddressees.Off("global");
        var isAlert = CorrespondenceSwitches.IsAlert(kind);
        if (e.Ticket.DepartmentId is { } d && await db.Set<Department>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == d, ct) is { } department
            && (isAlert ? department.AlertsDisabled : department.AutorespondersDisabled))
            return CorrespondenceAddressees.Off($"department {department.Name}");
        if (!isAlert && e.Ticket.HelpTopicId is { } h && await db.Set<HelpTopic>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == h && x.AutorespondersDisabled, ct) is { } topic)
            return CorrespondenceAddressees.Off($"help topic {topic.Name}");
        var autoAssigned = e is TicketCreatedEvent && (e.Ticket.MemberId is not null || e.Ticket.TeamId is not null);
        return new(isAlert
            ? await recipients.ResolveAsync(db, kind, e.Ticket, e.Actor.PersonId, autoAssigned, NotConcerned(kind, e), settings, Mentioned(e), ct)
            : await AutoresponseRecipientsAsync(db, kind, e, settings, ct), null);
    }

    private static IEnumerable<CorrespondenceKind> Plan(TicketEvent e, CorrespondenceSwitches settings)
    {
        // Answering a program (monitoring tool, list, auto-responder) risks a mail loop; agents are still alerted.
        var mayAnswer = !e.Actor.IsAutomated;
        switch (e)
        {
            case TicketCreatedEvent:
                var byEndUser = e.Actor.Kind == ActorKind.Customer;
                if (mayAnswer && (byEndUser ? settings.NewTicketAutoresponseForEndUsers : settings.NewTicketAutoresponseForInternalTickets))
                    yield return CorrespondenceKind.NewTicketAutoresponse;
                yield return CorrespondenceKind.NewTicketAlert;
                if (mayAnswer && e.Ticket.DesiredCompletionAt is not null) yield return CorrespondenceKind.DesiredCompletionNotice;
                break;
            case CaseLogAppendedEvent { Entry.Origin: EntryOrigin.Customer }:
                if (mayAnswer && settings.NewMessageAutoresponse) yield return CorrespondenceKind.NewMessageAutoresponse;
                yield return CorrespondenceKind.NewMessageAlert;
                break;
            case CaseLogAppendedEvent { Entry.Origin: EntryOrigin.Console, Entry.Log: CaseLogKind.Private }:
                yield return CorrespondenceKind.MentionAlert;
                yield return CorrespondenceKind.InternalNoteAlert;
                break;
            case TicketFieldsChangedEvent changed:
                if (changed.Changes.Any(c => c.Field is TicketFields.Member or TicketFields.Team)) yield return CorrespondenceKind.AssignmentAlert;
                if (changed.Changes.Any(c => c.Field == TicketFields.Department)) yield return CorrespondenceKind.TransferAlert;
                if (mayAnswer && changed.Changes.Any(c => c.Field == TicketFields.DesiredCompletion)) yield return CorrespondenceKind.DesiredCompletionNotice;
                break;
            case TicketOverdueEvent:
                yield return CorrespondenceKind.OverdueAlert;
                break;
        }
        // A ticket created already assigned (team address, default team, console form) is an assignment too.
        if (e is TicketCreatedEvent && (e.Ticket.MemberId is not null || e.Ticket.TeamId is not null))
            yield return CorrespondenceKind.AssignmentAlert;
    }

    private static IReadOnlyCollection<int> Mentioned(TicketEvent e) =>
        e is CaseLogAppendedEvent appended ? [.. appended.Entry.Mentions.Select(m => m.PersonId)] : [];

    /// <summary>
    /// The assignment alert goes to the newly assigned agent and the lead and members of the newly assigned team:
    /// the side that did not change is not told again.
    /// </summary>
    private static IReadOnlyCollection<AlertRecipient> NotConcerned(CorrespondenceKind kind, TicketEvent e)
    {
        if (kind != CorrespondenceKind.AssignmentAlert) return [];
        var (agentChanged, teamChanged) = e is TicketFieldsChangedEvent changed
            ? (changed.Changes.Any(c => c.Field == TicketFields.Member), changed.Changes.Any(c => c.Field == TicketFields.Team))
            : (e.Ticket.MemberId is not null, e.Ticket.TeamId is not null);
        return [.. agentChanged ? [] : new[] { AlertRecipient.AssignedAgent }, .. teamChanged ? [] : new[] { AlertRecipient.TeamLead, AlertRecipient.AssignedTeam }];
    }

    private static async Task<IReadOnlyList<OutboxRecipient>> AutoresponseRecipientsAsync(HelpdeskDbContext db, CorrespondenceKind kind, TicketEvent e,
        CorrespondenceSwitches settings, CancellationToken ct)
    {
        var ticket = e.Ticket;
        var replyAll = kind == CorrespondenceKind.NewMessageAutoresponse && settings.NewMessageAutoresponseToCollaborators;

        var people = new List<(int Id, string Why)>();
        if (kind == CorrespondenceKind.NewTicketAutoresponse)
            people.Add((ticket.RequestedForId, "the requester of the new ticket"));
        else if (kind == CorrespondenceKind.DesiredCompletionNotice)
            people.Add((ticket.RequestedById, "the person who submitted the request (requested by), whose desired completion changed"));
        else if (replyAll)
        {
            // Reply all: the owner first (To), then every other participant, the sender included (Cc), on one mail.
            people.Add((ticket.RequestedForId, e.Actor.PersonId == ticket.RequestedForId
                ? "the ticket's owner, who sent the message (reply all)" : "the ticket's owner (reply all)"));
            people.AddRange((await db.Set<TicketCollaborator>().Where(c => c.TicketId == ticket.Id).Select(c => c.PersonId).ToListAsync(ct))
                .Select(id => (id, id == e.Actor.PersonId ? "a collaborator on the ticket, who sent the message (reply all)" : "a collaborator on the ticket (reply all)")));
            if (e.Actor.PersonId is { } sender && people.All(p => p.Id != sender)) people.Add((sender, "the sender of the message (reply all)"));
        }
        else if (e.Actor.PersonId is { } submitter)
            people.Add((submitter, "the sender of the message (confirmation)"));

        var ids = people.Select(p => p.Id).Distinct().ToList();
        // The requester or sender is usually the mail's sender, read already in this transaction.
        var read = ids.Select(id => db.Unchanged<Person>(id)).OfType<Person>().ToList();
        var unread = ids.Except(read.Select(p => p.Id)).ToList();
        var found = read.Where(p => p.IsActive).ToList();
        if (unread.Count > 0) found.AddRange(await db.Set<Person>().AsNoTracking().Where(p => unread.Contains(p.Id) && p.IsActive).ToListAsync(ct));
        var recipients = people.Join(found, p => p.Id, f => f.Id, (p, f) => new OutboxRecipient(f.PrimaryEmail, f.Name, p.Why))
            .DistinctBy(r => r.Address, StringComparer.OrdinalIgnoreCase).ToList();
        // The first participant reached (the owner, unless they cannot be) is addressed; the others are copied.
        return replyAll && recipients.Count > 1 ? [recipients[0], .. recipients.Skip(1).Select(r => r with { Field = "Cc" })] : recipients;
    }
}
