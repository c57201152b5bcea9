using Helpdesk.Core.Common;
using Helpdesk.Core.Departments;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Security;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

/// <summary>The one way ticket fields change: validates, detects concurrent edits, and audits every changed field.</summary>
public sealed class UpdateTicketCommand(TicketWrite write)
{
    /// <returns>The ticket's new version.</returns>
    public Task<int> ExecuteAsync(TicketFieldsUpdate update, Actor actor, CancellationToken ct = default) =>
        write.ChangeAsync(update.TicketId, TicketOperation.ChangeFields, actor, scope => ApplyAsync(scope, update, ct), ct);

    private static async Task<int> ApplyAsync(TicketWriteScope scope, TicketFieldsUpdate update, CancellationToken ct)
    {
        var (db, ticket, actor, now) = (scope.Db, scope.Ticket, scope.Actor, scope.Now);
        if (ticket.Version != update.ExpectedVersion)
            throw await ConflictAsync(db, ticket, ct);

        var errors = new Dictionary<string, string>();
        var subject = TicketReferenceValidator.CheckSubject(update.Subject, errors);
        await TicketReferenceValidator.CheckAsync(db, errors, update.RequestedForId, update.TeamId, update.MemberId, update.DepartmentId, update.HelpTopicId, update.SlaPlanId, ct);
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        update = update with { Subject = subject!, Status = TicketRules.Routed(update.Status, update.TeamId, update.MemberId) };
        update = await DesiredCompletionTarget.ApplyAsync(db, ticket, update, ct);
        var changes = Diff(ticket, update);
        if (changes.Count == 0) return ticket.Version;

        Apply(ticket, update, now);
        ticket.Version++;
        foreach (var change in changes)
        {
            db.Add(TicketAuditTrail.Entry(ticket, actor, now, change.Field,
                await DisplayAsync(db, change.Field, change.OldValue, ct), await DisplayAsync(db, change.Field, change.NewValue, ct)));
        }
        scope.Changed(TicketChangeKind.Updated, new TicketFieldsChangedEvent(ticket, actor, changes));
        return ticket.Version;
    }

    private static List<FieldChange> Diff(Ticket t, TicketFieldsUpdate u)
    {
        var changes = new List<FieldChange>();
        void Check<T>(string field, T oldValue, T newValue)
        {
            if (!EqualityComparer<T>.Default.Equals(oldValue, newValue)) changes.Add(new FieldChange(field, oldValue, newValue));
        }
        Check(TicketFields.Subject, t.Subject, u.Subject);
        Check("status", t.Status, u.Status);
        Check("category", t.Category, u.Category);
        Check("impact", t.Impact, u.Impact);
        Check(TicketFields.RequestedFor, t.RequestedForId, u.RequestedForId);
        Check(TicketFields.Team, t.TeamId, u.TeamId);
        Check(TicketFields.Member, t.MemberId, u.MemberId);
        Check(TicketFields.Department, t.DepartmentId, u.DepartmentId);
        Check("resolution_target_at", t.ResolutionTargetAt, u.ResolutionTargetAt);
        Check(TicketFields.DesiredCompletion, t.DesiredCompletionAt, u.DesiredCompletionAt);
        Check(TicketFields.HelpTopic, t.HelpTopicId, u.HelpTopicId);
        Check(TicketFields.SlaPlan, t.SlaPlanId, u.SlaPlanId);
        // waiting_until only means something while the request waits; leaving Waiting for… ends it, so it fires once.
        Check("waiting_until", t.WaitingUntil, WaitingUntil(t, u));
        return changes;
    }

    private static DateTime? WaitingUntil(Ticket t, TicketFieldsUpdate u) =>
        t.Status == TicketStatus.WaitingFor && u.Status != TicketStatus.WaitingFor ? null : t.WaitingUntil;

    private static void Apply(Ticket t, TicketFieldsUpdate u, DateTime now)
    {
        if (t.Status.IsOpen() && !u.Status.IsOpen()) t.CompletedAt = now;
        if (!t.Status.IsOpen() && u.Status.IsOpen()) t.CompletedAt = null;
        t.WaitingUntil = WaitingUntil(t, u);
        TicketSla.OnStatusChange(t, u.Status, now);
        t.Subject = u.Subject;
        t.Status = u.Status;
        t.Category = u.Category;
        t.Impact = u.Impact;
        t.RequestedForId = u.RequestedForId;
        t.TeamId = u.TeamId;
        t.MemberId = u.MemberId;
        t.DepartmentId = u.DepartmentId;
        if (t.ResolutionTargetAt != u.ResolutionTargetAt || t.SlaPlanId != u.SlaPlanId) t.OverdueAt = null;
        t.ResolutionTargetAt = u.ResolutionTargetAt;
        t.DesiredCompletionAt = u.DesiredCompletionAt;
        t.HelpTopicId = u.HelpTopicId;
        t.SlaPlanId = u.SlaPlanId;
        t.UpdatedAt = now;
    }

    private static async Task<string?> DisplayAsync(HelpdeskDbContext db, string field, object? value, CancellationToken ct) => (field, value) switch
    {
        (_, null) => null,
        (TicketFields.RequestedFor or TicketFields.Member, int id) => await db.Set<Person>().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct),
        (TicketFields.Team, int id) => await db.Set<Team>().Where(x => x.Id == id).Select(x => x.Name).FirstOrDefaultAsync(ct),
        (TicketFields.Department, int id) => await db.Set<Department>().Where(x => x.Id == id).Select(x => x.Name).FirstOrDefaultAsync(ct),
        (TicketFields.HelpTopic, int id) => await db.Set<Correspondence.HelpTopic>().Where(x => x.Id == id).Select(x => x.Name).FirstOrDefaultAsync(ct),
        (TicketFields.SlaPlan, int id) => await db.Set<Correspondence.SlaPlan>().Where(x => x.Id == id).Select(x => x.Name).FirstOrDefaultAsync(ct),
        (_, TicketStatus s) => s.Label(),
        (_, DateTime d) => d.ToString("u"),
        _ => value.ToString(),
    };

    private static async Task<ConcurrencyConflictException> ConflictAsync(HelpdeskDbContext db, Ticket ticket, CancellationToken ct)
    {
        var last = await db.Set<TicketAuditEntry>().AsNoTracking()
            .Where(a => a.TicketId == ticket.Id).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var who = last is null ? "someone else" : $"{last.ActorName} at {last.At:yyyy-MM-dd HH:mm} UTC";
        return new ConcurrencyConflictException(
            $"{ticket.Number} was changed by {who} while you were editing. Your changes were not saved; reload the ticket and apply them again.");
    }
}
