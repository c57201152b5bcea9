using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

public sealed class CreateTicketCommand(TicketWrite write, CaseLogEntryFactory entryFactory)
{
    public Task<int> ExecuteAsync(NewTicket input, Actor actor, CancellationToken ct = default, SameCommit? alsoCommit = null,
        TicketWriteBatch? batch = null) =>
        write.OpenAsync(actor, scope => OpenAsync(scope, input, ct), alsoCommit, ct, batch);

    private async Task<Ticket> OpenAsync(TicketWriteScope scope, NewTicket input, CancellationToken ct)
    {
        var (db, now) = (scope.Db, scope.Now);
        if (input.NewRequester is { } newcomer)
        {
            var requester = await RequesterAsync(db, newcomer, now, ct);
            input = input with { RequestedForId = requester.Id, RequestedById = requester.Id };
            scope.SenderBecameKnown(requester);
        }
        var actor = scope.Actor;
        var errors = new Dictionary<string, string>();
        var subject = TicketReferenceValidator.CheckSubject(input.Subject, errors);
        await TicketReferenceValidator.CheckAsync(db, errors, input.RequestedForId, input.TeamId, input.MemberId, input.DepartmentId, input.HelpTopicId, input.SlaPlanId, ct);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        // Without a department of its own, a ticket goes to its help topic's department (osTicket), else to its team's
        // (e.g. mail to the team's address).
        var departmentId = input.DepartmentId
            ?? (input.HelpTopicId is { } topicId ? await db.Set<Correspondence.HelpTopic>().Where(h => h.Id == topicId).Select(h => h.DepartmentId).FirstOrDefaultAsync(ct) : null)
            ?? (input.TeamId is { } teamId ? await db.Set<Team>().Where(t => t.Id == teamId).Select(t => t.DepartmentId).FirstOrDefaultAsync(ct) : null);

        var (target, targetNote) = await ResolutionTargetAsync(db, input, now, ct);
        var ticket = new Ticket
        {
            Subject = subject!,
            Status = TicketRules.Routed(input.Status, input.TeamId, input.MemberId),
            Category = input.Category,
            Impact = input.Impact,
            RequestedForId = input.RequestedForId,
            RequestedById = input.RequestedById ?? actor.PersonId ?? input.RequestedForId,
            CreatedById = actor.PersonId,
            TeamId = input.TeamId,
            MemberId = input.MemberId,
            DepartmentId = departmentId,
            Source = input.Source,
            SourceId = input.SourceId,
            SourceInboundId = input.SourceInboundId,
            ResolutionTargetAt = target,
            DesiredCompletionAt = input.DesiredCompletionAt,
            ServiceInstanceId = input.ServiceInstanceId,
            ConfigurationItemId = input.ConfigurationItemId,
            SupplierId = input.SupplierId,
            SupplierRequestId = input.SupplierRequestId,
            ChangeId = input.ChangeId,
            ProblemId = input.ProblemId,
            ExternalSystem = input.ExternalSystem,
            ExternalNumber = input.ExternalNumber,
            DowntimeStartAt = input.DowntimeStartAt,
            DowntimeEndAt = input.DowntimeEndAt,
            WaitingUntil = input.WaitingUntil,
            CompletionReason = input.CompletionReason,
            HelpTopicId = input.HelpTopicId,
            SlaPlanId = input.SlaPlanId,
            CreatedAt = now,
            UpdatedAt = now,
            CompletedAt = input.Status.IsOpen() ? null : now,
        };

        db.Add(ticket);
        await db.SaveChangesAsync(ct);
        db.Add(TicketAuditTrail.Entry(ticket, actor, now, "ticket", null, ticket.Number, $"Created from {ticket.Source}"));
        foreach (var note in input.AuditNotes)
            db.Add(TicketAuditTrail.Entry(ticket, actor, now, "mail", null, null, note));
        if (targetNote is not null)
            db.Add(TicketAuditTrail.Entry(ticket, actor, now, "resolution_target_at", null, target?.ToString("u"), targetNote));
        if (!string.IsNullOrWhiteSpace(input.Description) || input.Files.Count > 0)
        {
            var origin = actor.Kind == ActorKind.Customer ? EntryOrigin.Customer : EntryOrigin.Console;
            var entry = entryFactory.Create(db, ticket, input.DescriptionLog, input.Description ?? "", input.DescriptionFormat, input.Files, actor, origin, now,
                (input.SourceMessageId, input.SourceInboundId));
            db.Add(entry);
            // Inline images get their addresses from their saved ids; an entry without any is saved once, below.
            if (CaseLogHtml.HasInlineImages(entry))
            {
                await db.SaveChangesAsync(ct);
                entryFactory.LinkInlineImages(entry, ticket);
            }
        }
        await db.SaveChangesAsync(ct);
        await TicketContactList.AddAsync(db, ticket, input.ContactIds, actor, now, TicketContactList.CcNote, ct);
        scope.Changed(TicketChangeKind.Created, new TicketCreatedEvent(ticket, actor, IsNewInThisContext: true));
        return ticket;
    }

    /// <summary>Under the write lock, so two mails from one new address make one person.</summary>
    private static async Task<People.Person> RequesterAsync(HelpdeskDbContext db, NewRequester newcomer, DateTime now, CancellationToken ct)
    {
        if (await Mail.Inbound.Processing.SenderDirectory.FindAsync(db, newcomer.Email, ct) is { } known) return known;
        var person = new People.Person { Name = newcomer.Name, PrimaryEmail = newcomer.Email, Roles = People.PersonRoles.EndUser, CreatedAt = now };
        db.Add(person);
        await db.SaveChangesAsync(ct);
        return person;
    }

    private static async Task<(DateTime? Target, string? Note)> ResolutionTargetAsync(HelpdeskDbContext db, NewTicket input, DateTime now, CancellationToken ct)
    {
        if (input.DesiredCompletionAt is not { } desired) return (input.ResolutionTargetAt, null);
        var existing = TicketSla.DueAt(input.ResolutionTargetAt, now, await TicketSla.PlanHoursAsync(db, input.SlaPlanId, ct), pausedMinutes: 0);
        if (existing is not { } current)
            return (desired, $"Desired completion {desired:u} set as the resolution target.");
        if (desired > current)
            return (desired, $"Desired completion {desired:u} set as the resolution target (later than the SLA target {current:u}).");
        return (input.ResolutionTargetAt,
            $"Desired completion {desired:u} is earlier than the SLA's resolution target {current:u}; the SLA target was kept.");
    }
}
