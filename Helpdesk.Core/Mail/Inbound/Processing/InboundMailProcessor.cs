using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Inbound.Policy;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// Turns a stored mail into a request or a note. Each mail is decided first (no side effects: the admin dry run uses the
/// same code), then applied. A failure quarantines only that mail, with its error; the mails behind it go on.
/// </summary>
public sealed class InboundMailProcessor(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    InboundMailStore store,
    InboundRouter router,
    MailLoopGuard loops,
    RequestBuilder requests,
    EventMatcher events,
    CreateTicketCommand createTicket,
    AppendCaseLogEntryCommand appendEntry,
    InboundNotices notices,
    BlobStore blobs,
    CorrespondenceSettings correspondence,
    EmailPolicySettings emailPolicy,
    TimeProvider clock,
    ILogger<InboundMailProcessor> logger)
{
    public async Task ProcessPendingAsync(CancellationToken ct)
    {
        List<long> pending;
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
            pending = await db.Set<InboundMessage>().Where(m => m.Status == InboundStatus.Received).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        foreach (var id in pending)
            await ProcessAsync(id, ct);
    }

    public async Task ProcessAsync(long id, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.Set<InboundMessage>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (row is null || row.Status != InboundStatus.Received) return;
        row.Attempts++;
        try
        {
            var raw = await store.ReadRawAsync(row, ct);
            var message = InboundMailReader.Load(raw);
            var content = InboundMailReader.Read(message, raw);
            row.SenderAddress = content.FromAddress; // what the rate cap compares, also for rows stored before the column existed
            var decision = await DecideAsync(db, message, content, row.ReceivedAt, ct);
            (row.TicketId, row.Outcome) = await ApplyAsync(decision, content, ct);
            row.Status = decision is IgnoreMail or RejectSender or RefuseOverLimit ? InboundStatus.Ignored : InboundStatus.Processed;
            if (row is { TicketId: { } ticketId, Status: InboundStatus.Processed }) await AddCollaboratorsAsync(ticketId, content, ct);
            row.Error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Inbound mail {InboundId} quarantined", id);
            row.Status = InboundStatus.Quarantined;
            row.Error = ex is MalformedMailException or ValidationFailedException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
        }
        row.ProcessedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>What would happen to this mail, without changing anything; for a new request, what it would look like.</summary>
    public async Task<InboundDryRun> DryRunAsync(byte[] raw, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var message = InboundMailReader.Load(raw);
        var decision = await DecideAsync(db, message, InboundMailReader.Read(message, raw), clock.GetUtcNow().UtcDateTime, ct);
        return new InboundDryRun(decision, decision is CreateRequest create ? await RequestPreview.DescribeAsync(db, create, ct) : null);
    }

    private async Task<InboundDecision> DecideAsync(HelpdeskDbContext db, MimeMessage message, InboundMailContent content, DateTime receivedAt, CancellationToken ct)
    {
        var automated = AutomatedMailDetector.Classify(message, content.FromAddress);
        if (await loops.CheckAsync(db, automated, content, receivedAt, ct) is { } loop)
            return loop;
        var decision = await DecideForSenderAsync(db, message, content, receivedAt, ct);
        return automated.IsAutomated ? decision with { AutomatedReason = automated.Reason } : decision;
    }

    private async Task<InboundDecision> DecideForSenderAsync(HelpdeskDbContext db, MimeMessage message, InboundMailContent content, DateTime receivedAt, CancellationToken ct)
    {
        var sender = await SenderDirectory.FindAsync(db, content.FromAddress, ct);
        var createSender = false;
        if (sender is null && await SenderDirectory.FindInactiveAsync(db, content.FromAddress, ct) is { } inactive)
            return new RejectSender($"Not registered: {content.FromAddress} belongs to {inactive.Name}, who is no longer active.",
                content.FromAddress!, RejectionReason.InactivePerson);
        if (sender is null)
        {
            if (await emailPolicy.GetAsync(db, ct) == UnknownSenderPolicy.Reject)
                return new RejectSender($"Not registered: no person has the address {content.FromAddress} (email policy: reject).", content.FromAddress!);
            createSender = true;
            sender = new Person { Name = content.FromName ?? content.FromAddress!, PrimaryEmail = content.FromAddress!, Roles = PersonRoles.EndUser };
        }

        var route = await router.RouteAsync(db, content.Recipients, ct);
        var mail = new InboundContext(message, content, sender, route);
        if (!createSender && await ThreadFinder.FindAsync(db, content, ct) is { } thread)
            return ReplyNote.Decide(mail, sender, thread.TicketId, thread.How);

        var built = await requests.BuildAsync(db, mail, sender, ct);
        var (request, parsed) = (built.Ticket, built.Parsed);
        var honoured = sender.HasRole(PersonRoles.Specialist) ? parsed.Parameters : [];
        if (!createSender && await events.MatchAsync(db, request, honoured, receivedAt, ct) is { } matched)
            return matched;
        if ((await correspondence.GetAsync(db, ct)).MaxOpenTicketsPerUser is > 0 and var max && !createSender)
        {
            var open = await db.Set<Ticket>().CountAsync(t => t.RequestedForId == request.RequestedForId
                && t.Status != TicketStatus.Completed && t.Status != TicketStatus.Closed, ct);
            if (open >= max)
                return new RefuseOverLimit($"Not registered: the requester already has {open} open tickets (the limit is {max}).", request.RequestedForId);
        }
        return new CreateRequest($"A new request{(route.TeamName is null ? "" : $" for team {route.TeamName}")}; {route.Description}.", request, createSender)
        {
            Notes = request.AuditNotes,
            Parameters = built.Parameters,
            TemplateId = built.TemplateId,
        };
    }

    private async Task<(int? TicketId, string Outcome)> ApplyAsync(InboundDecision decision, InboundMailContent content, CancellationToken ct)
    {
        switch (decision)
        {
            case IgnoreMail { BouncedMessageId: { } bounced }:
                await MarkBouncedAsync(bounced, ct);
                return (null, decision.Explanation);
            case IgnoreMail ignore:
                return (ignore.TicketId, decision.Explanation);
            case RejectSender when decision.IsAutomated:
            case RefuseOverLimit when decision.IsAutomated:
                return (null, $"{decision.Explanation} {Unanswered(decision)}");
            case RejectSender reject:
                await notices.SendRejectionNoticeAsync(reject, content, ct);
                return (null, decision.Explanation + " A notice was sent to the sender.");
            case RefuseOverLimit over:
                return (null, decision.Explanation + (await notices.SendOverlimitNoticeAsync(over, ct) ? " An overlimit notice was sent." : ""));
            case AddNote note:
                return (note.TicketId, WithAutomated(await AddNoteAsync(note, content, ct), decision));
            case CreateRequest create:
                var (ticketId, outcome) = await CreateRequestAsync(create, content, ct);
                return (ticketId, WithAutomated(outcome, decision));
            default:
                return (null, decision.Explanation);
        }
    }

    private static string Unanswered(InboundDecision decision) => $"No automatic answer was sent: automated mail ({decision.AutomatedReason}).";

    private static string WithAutomated(string outcome, InboundDecision decision) =>
        decision.IsAutomated ? $"{outcome} {Unanswered(decision)}" : outcome;

    private static Actor SenderActor(Person? sender, InboundMailContent content, InboundDecision decision) =>
        new(sender?.Id, sender?.Name ?? content.FromAddress ?? "unknown sender", ActorKind.Customer) { IsAutomated = decision.IsAutomated };

    private async Task<string> AddNoteAsync(AddNote note, InboundMailContent content, CancellationToken ct)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
            if (await db.Set<CaseLogEntry>().AnyAsync(e => e.SourceMessageId == content.MessageId, ct))
                return note.Explanation + " (already added before)";
        var sender = await FindSenderAsync(content, ct);
        var (files, leftOut) = await StageAsync(content, ct);
        await appendEntry.ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = note.TicketId,
            Log = note.Log,
            Text = LeftOutAttachments.AppendTo(note.Text, note.Format, leftOut),
            Format = note.Format,
            Files = files,
            Origin = EntryOrigin.Customer,
            SourceMessageId = content.MessageId,
            AuditNotes = note.Notes,
        }, SenderActor(sender, content, note), ct);
        return string.Join(" ", [note.Explanation, .. note.Notes, .. leftOut]);
    }

    private async Task<(int? TicketId, string Outcome)> CreateRequestAsync(CreateRequest create, InboundMailContent content, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var existing = await db.Set<CaseLogEntry>().Where(e => e.SourceMessageId == content.MessageId).Select(e => (int?)e.TicketId).FirstOrDefaultAsync(ct)
            ?? await db.Set<Ticket>().Where(t => t.SourceId == content.MessageId).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        if (existing is { } done)
            return (done, $"{TicketNumber.Format(done)} was already created from this mail.");

        var sender = await SenderDirectory.FindAsync(db, content.FromAddress, ct);
        if (sender is null && create.CreateSender)
        {
            sender = new Person { Name = content.FromName ?? content.FromAddress!, PrimaryEmail = content.FromAddress!, Roles = PersonRoles.EndUser, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(sender);
            await db.SaveChangesAsync(ct);
        }
        if (sender is null) throw new InvalidOperationException("The sender disappeared while the mail was processed.");
        var (files, leftOut) = await StageAsync(content, ct);
        var ticket = create.Ticket with
        {
            RequestedById = sender.Id,
            RequestedForId = create.CreateSender ? sender.Id : create.Ticket.RequestedForId,
            Description = LeftOutAttachments.AppendTo(create.Ticket.Description, create.Ticket.DescriptionFormat, leftOut),
            Files = files,
            AuditNotes = [.. create.Ticket.AuditNotes,
                .. create.CreateSender ? [$"The sender {sender.PrimaryEmail} was unknown; a person was created (email policy)."] : Array.Empty<string>(),
                .. create.IsAutomated ? [Unanswered(create)] : Array.Empty<string>()],
        };
        var id = await createTicket.ExecuteAsync(ticket, SenderActor(sender, content, create), ct);
        return (id, string.Join(" ", [$"Created {TicketNumber.Format(id)}: {create.Explanation}", .. leftOut]));
    }

    /// <returns>The mail's files within the attachment limit, and an explanation for each one left out.</returns>
    private async Task<(IReadOnlyList<StagedFile> Files, IReadOnlyList<string> LeftOut)> StageAsync(InboundMailContent content, CancellationToken ct)
    {
        var files = new List<StagedFile>();
        var leftOut = new List<string>();
        foreach (var attachment in content.Attachments.Where(a => a.Content.Length > 0))
        {
            if (attachment.Content.Length > blobs.MaxFileSizeBytes)
            {
                leftOut.Add(LeftOutAttachments.Explain(attachment, blobs.MaxFileSizeBytes));
                continue;
            }
            var staged = await blobs.StageAsync(attachment.FileName, attachment.ContentType, new MemoryStream(attachment.Content), ct);
            files.Add(staged with { IsInline = attachment.IsInline, ContentId = attachment.ContentId });
        }
        return (files, leftOut);
    }

    private async Task<Person?> FindSenderAsync(InboundMailContent content, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await SenderDirectory.FindAsync(db, content.FromAddress, ct);
    }

    /// <summary>Known people on the mail's Cc become collaborators of the ticket (they get "reply all" autoresponses).</summary>
    private async Task AddCollaboratorsAsync(int ticketId, InboundMailContent content, CancellationToken ct)
    {
        var cc = content.CcAddresses.Where(a => !router.IsOwnAddress(a) && !a.Equals(content.FromAddress, StringComparison.OrdinalIgnoreCase)).ToList();
        if (cc.Count == 0) return;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstAsync(t => t.Id == ticketId, ct);
        foreach (var address in cc)
        {
            var person = await SenderDirectory.FindAsync(db, address, ct);
            if (person is null || person.Id == ticket.RequestedForId
                || await db.Set<TicketCollaborator>().AnyAsync(c => c.TicketId == ticketId && c.PersonId == person.Id, ct)) continue;
            db.Add(new TicketCollaborator { TicketId = ticketId, PersonId = person.Id });
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task MarkBouncedAsync(string messageId, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.Set<OutboxMessage>().Where(m => m.MessageId == messageId && m.BouncedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.BouncedAt, clock.GetUtcNow().UtcDateTime), ct);
    }
}
