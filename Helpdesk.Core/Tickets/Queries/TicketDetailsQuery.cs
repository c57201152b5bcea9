using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.HtmlSafety;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

public sealed class TicketDetailsQuery(IDbContextFactory<HelpdeskDbContext> contextFactory, UntrustedHtml untrusted)
{
    /// <returns>
    /// True when the ticket does not exist and the actor may see tickets. A refused actor gets false whatever the number,
    /// so the answer does not tell them which tickets exist; the page tells them they may not see it.
    /// </returns>
    public async Task<bool> IsMissingForAsync(int ticketId, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await TicketAccess.AllowsAsync(db, actor, ticketId, TicketOperation.View, ct) && !await db.Set<Ticket>().AnyAsync(x => x.Id == ticketId, ct);
    }

    /// <returns>The ticket as far as the actor may see it (the private log and history only where allowed), or null when it does not exist.</returns>
    /// <exception cref="AccessDeniedException">The actor may not see the ticket.</exception>
    /// <remarks>Its statements (four or more) share one connection, opened once, and cancelling <paramref name="ct"/> stops the one running (<see cref="CancellableQuery"/>).</remarks>
    public async Task<TicketDetails?> ExecuteAsync(int ticketId, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await CancellableQuery.RunAsync(db, () => DetailsAsync(db, ticketId, actor, ct), ct);
    }

    private async Task<TicketDetails?> DetailsAsync(HelpdeskDbContext db, int ticketId, Actor actor, CancellationToken ct)
    {
        await TicketAccess.DemandAsync(db, actor, ticketId, TicketOperation.View, ct);
        var seesPrivateLog = await TicketAccess.AllowsAsync(db, actor, ticketId, TicketOperation.ViewPrivateLog, ct);
        var seesHistory = await TicketAccess.AllowsAsync(db, actor, ticketId, TicketOperation.ViewHistory, ct);
        var t = await db.Set<Ticket>().AsNoTracking()
            .Include(x => x.RequestedFor).Include(x => x.RequestedBy).Include(x => x.CreatedBy)
            .Include(x => x.Team).Include(x => x.Member).Include(x => x.Department)
            .FirstOrDefaultAsync(x => x.Id == ticketId, ct);
        if (t is null) return null;

        var entries = await db.Set<CaseLogEntry>().AsNoTracking()
            .Where(e => e.TicketId == ticketId && (seesPrivateLog || e.Log == CaseLogKind.Public))
            .Include(e => e.Attachments)
            .Include(e => e.Mentions)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .ToListAsync(ct);
        IReadOnlyList<AuditView> audit = !seesHistory ? [] : await db.Set<TicketAuditEntry>().AsNoTracking()
            .Where(a => a.TicketId == ticketId)
            .OrderByDescending(a => a.Id)
            .Select(a => new AuditView(a.At, a.ActorName, a.Field, a.OldValue, a.NewValue, a.Note))
            .ToListAsync(ct);
        var mails = (await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.TicketId == ticketId)
            .OrderBy(m => m.Id)
            .ToListAsync(ct)).Select(MailDeliveryView.From).ToList();
        if (!seesPrivateLog)
        {
            // Without the private log, only the mails that carried a public entry: notifications to agents are internal too.
            var shown = entries.Select(e => e.Id).ToHashSet();
            mails = [.. mails.Where(m => m.CaseLogEntryId is { } entryId && shown.Contains(entryId))];
        }
        var mailsByEntry = mails.Where(m => m.CaseLogEntryId is not null).ToLookup(m => m.CaseLogEntryId!.Value);

        return new TicketDetails
        {
            Id = t.Id,
            Number = t.Number,
            Subject = t.Subject,
            Status = t.Status,
            Category = t.Category,
            Impact = t.Impact,
            RequestedFor = Ref(t.RequestedFor!),
            RequestedBy = Ref(t.RequestedBy!),
            CreatedBy = t.CreatedBy is null ? null : Ref(t.CreatedBy),
            Team = t.Team is null ? null : new NamedRef(t.Team.Id, t.Team.Name),
            Member = t.Member is null ? null : Ref(t.Member),
            Department = t.Department is null ? null : new NamedRef(t.Department.Id, t.Department.Name),
            Source = t.Source,
            SourceId = t.SourceId,
            CreatedAt = t.CreatedAt,
            UpdatedAt = t.UpdatedAt,
            ResolutionTargetAt = t.ResolutionTargetAt,
            DesiredCompletionAt = t.DesiredCompletionAt,
            CompletedAt = t.CompletedAt,
            HelpTopicId = t.HelpTopicId,
            SlaPlanId = t.SlaPlanId,
            OverdueAt = t.OverdueAt,
            Version = t.Version,
            MailApi = new MailApiFields(
                t.ServiceInstanceId is { } si ? await db.Set<ServiceCatalog.ServiceInstance>().Where(x => x.Id == si).Select(x => x.Name).FirstOrDefaultAsync(ct) : null,
                t.ConfigurationItemId is { } ci ? await db.Set<ServiceCatalog.ConfigurationItem>().Where(x => x.Id == ci).Select(x => x.Label).FirstOrDefaultAsync(ct) : null,
                t.SupplierId is { } su ? await db.Set<Organizations.Organization>().Where(x => x.Id == su).Select(x => x.Name).FirstOrDefaultAsync(ct) : null,
                t.SupplierRequestId, t.DowntimeStartAt, t.DowntimeEndAt, t.WaitingUntil, t.CompletionReason,
                t.ExternalNumber is null ? null : $"{t.ExternalNumber} in {t.ExternalSystem}",
                await LinkedAsync(db, t.ChangeId, ct), await LinkedAsync(db, t.ProblemId, ct)),
            PublicLog = [.. entries.Where(e => e.Log == CaseLogKind.Public).Select(e => View(e, mailsByEntry))],
            PrivateLog = [.. entries.Where(e => e.Log == CaseLogKind.Private).Select(e => View(e, mailsByEntry))],
            Audit = audit,
            Mails = mails,
        };
    }

    private static async Task<LinkedChangeOrProblem?> LinkedAsync(HelpdeskDbContext db, int? id, CancellationToken ct) => id is null ? null
        : await db.Set<ChangesAndProblems.ChangeOrProblem>().AsNoTracking().Where(r => r.Id == id).ToListAsync(ct) is [var r]
            ? new LinkedChangeOrProblem(r.Id, ChangesAndProblems.ChangeOrProblem.Number(r.Kind, r.Id), r.Subject)
            : null;

    private static PersonRef Ref(Person p) => new(p.Id, p.Name, p.PrimaryEmail);

    private CaseLogEntryView View(CaseLogEntry e, ILookup<long, MailDeliveryView> mailsByEntry) => new(e.Id, e.Log, e.AuthorName, e.CreatedAt, e.Html, e.Origin,
        [.. e.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size))],
        e.RemoteImageUrls.Count == 0 ? null : untrusted.WithRemoteImages(e.Html, e.Id))
    {
        Mails = [.. mailsByEntry[e.Id]],
        Mentioned = [.. e.Mentions.Select(m => m.Name).Order()],
    };
}
