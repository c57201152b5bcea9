using System.Diagnostics;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Security;
using Helpdesk.Core.SharedState;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// Turns a stored mail into a request or a note. Each mail is decided first by <see cref="InboundDecider"/> (no side
/// effects: the admin dry run uses the same code), then applied together with its outcome. A claimed batch is applied
/// in one transaction (<see cref="TicketWriteBatch"/>), one mail at a time under its own savepoint: a failure
/// quarantines only that mail, with its error; the mails behind it go on and commit with the batch.
/// </summary>
public sealed class InboundMailProcessor(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    InboundMailStore store,
    InboundRouter router,
    InboundDecider decider,
    TicketWrite write,
    WriteTurns turns,
    CreateTicketCommand createTicket,
    AppendCaseLogEntryCommand appendEntry,
    InboundNotices notices,
    BlobStore blobs,
    BatchSettings settings,
    MailReaderThreads readers,
    IOptions<InboundMailOptions> options,
    TimeProvider clock,
    ILogger<InboundMailProcessor> logger)
{
    /// <summary>Claims pending mails a batch at a time and processes them, until none is left that no other round holds.</summary>
    public async Task ProcessPendingAsync(CancellationToken ct)
    {
        while (await ClaimAsync(null, ct) is { Mails.Count: > 0 } claimed)
            await ProcessClaimedAsync(claimed, ct);
    }

    /// <summary>
    /// Processes pending mails no round holds, if there are any: a mail whose round died (its instance was killed) waits
    /// for its claim to lapse, and the mailbox loop that would process it may be idling until new mail arrives.
    /// </summary>
    public async Task ProcessLeftBehindAsync(CancellationToken ct)
    {
        var now = Now;
        bool leftBehind;
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
            leftBehind = await db.Set<InboundMessage>().AnyAsync(m => m.Status == InboundStatus.Received && (m.ClaimExpiresAt == null || m.ClaimExpiresAt < now), ct);
        if (leftBehind) await ProcessPendingAsync(ct);
    }

    /// <summary>Processes one pending mail, unless another round holds it.</summary>
    public async Task ProcessAsync(long id, CancellationToken ct) => await ProcessClaimedAsync(await ClaimAsync(id, ct), ct);

    private async Task<ClaimedBatch> ClaimAsync(long? onlyId, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var claimed = await InboundClaim.ClaimPendingAsync(db, onlyId, options.Value.BatchSize, Now, options.Value.ClaimLease, ct);
        var rows = claimed.Select(c => c.Row).ToList();
        var earlier = await EarlierMail.OfAsync(db, rows, ct);
        return new ClaimedBatch([.. claimed.Select(c => new ClaimedMail(c.Claim, c.Row, earlier[c.Row.Id]))], await LoopGuardFacts.OfAsync(db, rows, ct),
            db.Database.IsNpgsql() ? options.Value.EffectiveParallelWriters : 1);
    }

    /// <summary>A claimed mail: its claim, its row as claimed, and the earlier mails it repeats (<see cref="EarlierMail"/>).</summary>
    private sealed record ClaimedMail(InboundClaim Claim, InboundMessage Row, IReadOnlyList<EarlierMail> Earlier);

    /// <summary>
    /// The mails one round claimed, what the loop guard asks about them, read at once, and how many transactions may apply
    /// them at once: PostgreSQL takes concurrent writers, SQLite has one write lock.
    /// </summary>
    private sealed record ClaimedBatch(IReadOnlyList<ClaimedMail> Mails, LoopGuardFacts LoopFacts, int Writers);

    /// <summary>
    /// The mails are read (parsed) in parallel, ahead of being applied in arrival order. With several writers, related
    /// mails share a lane and unrelated ones are applied at once (<see cref="MailLanes{T}"/>); a lane that meets a busy
    /// database (on PostgreSQL, two lanes can deadlock on one row) rolls its transaction back, and what it had not
    /// committed is applied after the others, in order, in one lane. The settings they all read alike are read once for
    /// the claimed mails.
    /// </summary>
    private async Task ProcessClaimedAsync(ClaimedBatch round, CancellationToken ct)
    {
        var claims = round.Mails;
        if (claims.Count == 0) return;
        using var batchSettings = settings.Begin();
        await using var renewal = ClaimRenewal.Start(async renewCt =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(renewCt);
            await InboundClaim.RenewAsync(db, claims[0].Claim.Token, Now + options.Value.ClaimLease, renewCt);
        }, options.Value.ClaimLease, clock, logger);
        if (round.Writers <= 1 || claims.Count == 1)
        {
            await ApplyInOrderAsync(ReadInOrderAsync(claims, ct), round.LoopFacts, null, ct);
            return;
        }
        try
        {
            var reads = ReadAhead.InOrderAsync(claims, ReadRelatedAsync, ReadSlots, options.Value.ReadAheadWait, ct);
            await MailLanes<(ClaimedMail Claimed, ReadMail Read)>.RunAsync(reads, round.Writers, mail => mail.Read.Related,
                (lane, committed) => ApplyInOrderAsync(lane, round.LoopFacts, committed, ct), ct);
        }
        catch (Exception ex) when (TransientDatabaseError.Is(ex) && !ct.IsCancellationRequested)
        {
            var left = await StillReceivedAsync(claims, ct);
            logger.LogInformation(ex, "A writer applying received mail met a busy database; the {Count} mails it had not committed are applied in one lane", left.Count);
            await ApplyInOrderAsync(ReadInOrderAsync(left, ct), round.LoopFacts, null, ct);
        }
    }

    private static int ReadSlots => Math.Max(2, Environment.ProcessorCount);

    private IAsyncEnumerable<(ClaimedMail Claimed, ReadMail Read)> ReadInOrderAsync(IReadOnlyList<ClaimedMail> claims, CancellationToken ct) =>
        ReadAhead.InOrderAsync(claims, ReadClaimedAsync, ReadSlots, options.Value.ReadAheadWait, ct);

    /// <summary>Reads a mail and, still in parallel with the others, what relates it to them (<see cref="RelatedMailKeys"/>).</summary>
    private async Task<ReadMail> ReadRelatedAsync(ClaimedMail claimed, CancellationToken ct)
    {
        var read = await ReadClaimedAsync(claimed, ct);
        return read with { Related = await RelatedMailKeys.OfAsync(contextFactory, claimed.Row, read.Message, read.Content, options.Value, router.IsOwnAddress, ct) };
    }

    /// <summary>The claimed mails still received and still held by this round, in arrival order.</summary>
    private async Task<IReadOnlyList<ClaimedMail>> StillReceivedAsync(IReadOnlyList<ClaimedMail> claims, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var token = claims[0].Claim.Token;
        var ids = (await db.Set<InboundMessage>().Where(m => m.ClaimToken == token && m.Status == InboundStatus.Received).Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        return [.. claims.Where(c => ids.Contains(c.Row.Id))];
    }

    /// <summary>
    /// Applies the mails in the order given, in transactions of up to <see cref="InboundMailOptions.BatchTime"/> of work
    /// each, committed early when the next mail is not read yet or an agent's save waits (<see cref="WriteTurns"/>): on
    /// SQLite a transaction holds the write lock, which agents' saves wait for. <paramref name="committed"/> hears how
    /// many mails each commit made final.
    /// </summary>
    private async Task ApplyInOrderAsync(IAsyncEnumerable<(ClaimedMail Claimed, ReadMail Read)> mails, LoopGuardFacts loopFacts, Action<int>? committed,
        CancellationToken ct)
    {
        TicketWriteBatch? batch = null;
        var (started, applied) = (0L, 0);
        try
        {
            await using var reads = mails.GetAsyncEnumerator(ct);
            while (true)
            {
                var next = reads.MoveNextAsync();
                // Never hold the transaction (SQLite's write lock) open while a mail is still being read, nor while an
                // agent's save waits for it.
                if (batch is not null && (!next.IsCompleted || Stopwatch.GetElapsedTime(started) >= options.Value.BatchTime || turns.Wanted))
                    (batch, applied) = (await CommitAsync(batch, applied, committed, ct), 0);
                if (!await next) break;
                var (claimed, read) = reads.Current;
                if (batch is null)
                {
                    if (turns.Wanted) await turns.LetThemGoFirstAsync(WriteTurns.MostYield, ct);
                    (batch, started) = (await write.BeginBatchAsync(ct), Stopwatch.GetTimestamp());
                }
                await ApplyReadAsync(batch, claimed, read, loopFacts, ct);
                applied++;
            }
            if (batch is not null) batch = await CommitAsync(batch, applied, committed, ct);
        }
        finally
        {
            if (batch is not null) await batch.DisposeAsync();
        }
    }

    private static async Task<TicketWriteBatch?> CommitAsync(TicketWriteBatch batch, int applied, Action<int>? committed, CancellationToken ct)
    {
        await batch.CommitAsync(ct);
        await batch.DisposeAsync();
        committed?.Invoke(applied);
        return null;
    }

    /// <summary>A claimed mail's reading; a failure to read is kept, to quarantine the mail when its turn comes.</summary>
    private sealed record ReadMail(MimeMessage? Message, InboundMailContent? Content, Exception? Failure)
    {
        /// <summary>What relates it to the other mails, when several writers apply them (<see cref="RelatedMailKeys"/>).</summary>
        public IReadOnlyCollection<string> Related { get; init; } = [];
    }

    private async Task<ReadMail> ReadClaimedAsync(ClaimedMail claimed, CancellationToken ct)
    {
        try
        {
            var (message, content) = await ReadAsync(await store.ReadRawAsync(claimed.Row, ct), ct);
            return new ReadMail(message, content, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !TransientDatabaseError.Is(ex))
        {
            return new ReadMail(null, null, ex);
        }
    }

    private async Task ApplyReadAsync(TicketWriteBatch batch, ClaimedMail claimed, ReadMail read, LoopGuardFacts loopFacts, CancellationToken ct)
    {
        var (claim, row) = (claimed.Claim, claimed.Row);
        try
        {
            await batch.AttemptAsync(() => HandleAsync(batch, claimed, read, loopFacts, ct), ct);
        }
        catch (InboundMailTakenException)
        {
            logger.LogInformation("Inbound mail {InboundId} was taken over by another round (its claim ran out); this attempt was rolled back", claim.InboundId);
        }
        // A busy or unreachable database is not the mail's fault: the round stops and the mail stays received, to be
        // processed again once its claim runs out.
        catch (Exception ex) when (ex is not OperationCanceledException && !TransientDatabaseError.Is(ex))
        {
            logger.LogWarning(ex, "Inbound mail {InboundId} quarantined", claim.InboundId);
            var error = ex is MalformedMailException or ValidationFailedException ? ex.Message : Unexpected(ex);
            try
            {
                await batch.AttemptAsync(() => InboundOutcome.Quarantined(error).WriteAsync(batch.Db, claim, row.Attempts + 1, null, Now, ct), ct);
            }
            catch (InboundMailTakenException)
            {
                // Another round took it over meanwhile; its outcome stands.
            }
        }
    }

    // "See the inner exception for details" tells an administrator nothing: the innermost cause is named too.
    private static string Unexpected(Exception ex) => ex.GetBaseException() is var cause && cause != ex
        ? $"{ex.GetType().Name}: {ex.Message} ({cause.GetType().Name}: {cause.Message})"
        : $"{ex.GetType().Name}: {ex.Message}";

    private async Task HandleAsync(TicketWriteBatch batch, ClaimedMail claimed, ReadMail read, LoopGuardFacts loopFacts, CancellationToken ct)
    {
        var (db, claim, row, earlier) = (batch.Db, claimed.Claim, claimed.Row, claimed.Earlier);
        if (row.Size > 0 && earlier.FirstOrDefault(m => m.RawSha256 == row.RawSha256) is { } original)
        {
            var duplicate = new InboundOutcome(InboundStatus.Ignored, $"Duplicate of #{original.Id}: the same mail, byte for byte, was received before; nothing else was done.");
            await duplicate.WriteAsync(db, claim, row.Attempts + 1, null, Now, ct);
            return;
        }

        if (read.Failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        var (message, content) = (read.Message!, read.Content!);
        loopFacts.SenderRead(row.SenderAddress, content.FromAddress);
        var decision = await decider.DecideAsync(db, message, content, row.ReceivedAt, row.Mailbox, loopFacts, ct);
        var remark = earlier.FirstOrDefault() is { } sameId
            ? $" The Message-ID {row.MessageId} was used before by #{sameId.Id} for a different mail; this one was processed as a mail of its own."
            : "";
        if (content.SenderNote is { } senderNote && content.FromAddress is not null) remark += " " + senderNote;
        await ApplyAsync(batch, new Applying(claim, row.Attempts + 1, content, remark, Now), decision, ct);
    }

    /// <summary>
    /// Parses the mail within <see cref="InboundMailOptions.MaxReadTime"/> (wall-clock): a pathological mail is set aside,
    /// quarantined, so the mails behind it go on; its parse may run on in the background and is then dropped.
    /// </summary>
    private async Task<(MimeMessage Message, InboundMailContent Content)> ReadAsync(byte[] raw, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var reading = readers.Run(() =>
        {
            var message = InboundMailReader.Load(raw);
            return (message, InboundMailReader.Read(message, raw));
        });
        try
        {
            return await reading.WaitAsync(options.Value.MaxReadTime, ct);
        }
        catch (TimeoutException)
        {
            throw new MalformedMailException($"Reading the mail took longer than {options.Value.MaxReadTime.TotalSeconds:0.###} s; it was set aside so that the mails behind it go on. Retry it from here once the cause is known.");
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The mail being applied: its row, what it says, and what its outcome adds at the end.</summary>
    private sealed record Applying(InboundClaim Claim, int Attempts, InboundMailContent Content, string Remark, DateTime ProcessedAt)
    {
        public SameCommit Outcome(InboundStatus status, string text, int? ticketId = null) => (db, _, ct) =>
            new InboundOutcome(status, text + Remark, ticketId).WriteAsync(db, Claim, Attempts, Content.FromAddress, ProcessedAt, ct);
    }

    /// <summary>What would happen to this mail, without changing anything; for a new request, what it would look like.</summary>
    public async Task<InboundDryRun> DryRunAsync(byte[] raw, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var (message, content) = await ReadAsync(raw, ct);
        var decision = await decider.DecideAsync(db, message, content, clock.GetUtcNow().UtcDateTime, null, null, ct);
        return new InboundDryRun(decision, decision is CreateRequest create ? await RequestPreview.DescribeAsync(db, create, ct) : null);
    }

    private async Task ApplyAsync(TicketWriteBatch batch, Applying mail, InboundDecision decision, CancellationToken ct)
    {
        var db = batch.Db;
        switch (decision)
        {
            case QuarantineMail quarantine:
                await InboundOutcome.Quarantined(quarantine.Explanation).WriteAsync(db, mail.Claim, mail.Attempts, mail.Content.FromAddress, mail.ProcessedAt, ct);
                return;
            case AddNote note:
                await AddNoteAsync(batch, note, mail, ct);
                return;
            case CreateRequest create:
                await CreateRequestAsync(batch, create, mail, ct);
                return;
        }
        var (status, text, ticketId) = await OutcomeWithoutTicketChangeAsync(db, decision, mail.Content, ct);
        await db.SaveChangesAsync(ct);
        await mail.Outcome(status, text, ticketId)(db, 0, ct);
    }

    /// <summary>Decisions that change no ticket; what they queue or mark goes into <paramref name="db"/>, saved by the caller.</summary>
    private async Task<(InboundStatus, string, int?)> OutcomeWithoutTicketChangeAsync(HelpdeskDbContext db, InboundDecision decision, InboundMailContent content, CancellationToken ct)
    {
        switch (decision)
        {
            case IgnoreMail { Reported: { } reported } ignore:
                await MarkReportedAsync(db, reported, ct);
                return (InboundStatus.Ignored, decision.Explanation, ignore.TicketId);
            case IgnoreMail ignore:
                return (InboundStatus.Ignored, decision.Explanation, ignore.TicketId);
            case RejectSender when decision.IsAutomated:
            case RefuseOverLimit when decision.IsAutomated:
                return (InboundStatus.Ignored, $"{decision.Explanation} {Unanswered(decision)}", null);
            case RejectSender reject:
                await notices.QueueRejectionNoticeAsync(db, reject, content, ct);
                return (InboundStatus.Ignored, decision.Explanation + " A notice was sent to the sender.", null);
            case RefuseOverLimit over:
                var sent = await notices.QueueOverlimitNoticeAsync(db, over, ct);
                return (InboundStatus.Ignored, decision.Explanation + (sent ? " An overlimit notice was sent." : ""), null);
            default:
                return (InboundStatus.Processed, decision.Explanation, null);
        }
    }

    private static string Unanswered(InboundDecision decision) => $"No automatic answer was sent: automated mail ({decision.AutomatedReason}).";

    private static string WithAutomated(string outcome, InboundDecision decision) =>
        decision.IsAutomated ? $"{outcome} {Unanswered(decision)}" : outcome;

    private static Actor SenderActor(Person? sender, InboundMailContent content, InboundDecision decision) =>
        new(sender?.Id, sender?.Name ?? content.FromAddress ?? "unknown sender", ActorKind.Customer) { IsAutomated = decision.IsAutomated };

    private async Task AddNoteAsync(TicketWriteBatch batch, AddNote note, Applying mail, CancellationToken ct)
    {
        var (db, content, sender) = (batch.Db, mail.Content, note.Sender);
        var actor = await NoteActorAsync(db, SenderActor(sender, content, note), note, ct);
        var (files, leftOut) = await StageAsync(db, content, ct);
        var outcome = WithAutomated(string.Join(" ", [note.Explanation, .. note.Notes, .. leftOut]), note);
        IReadOnlyList<int> contacts = note.IsReport ? [] : await CcPeopleAsync(db, content, ct);
        await appendEntry.ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = note.TicketId,
            Log = note.Log,
            Text = LeftOutAttachments.AppendTo(note.Text, note.Format, leftOut),
            Format = note.Format,
            Files = files,
            Origin = EntryOrigin.Customer,
            SourceMessageId = content.MessageId,
            SourceInboundId = mail.Claim.InboundId,
            AuditNotes = note.Notes,
            ContactIds = contacts,
        }, actor, ct, async (db, ticketId, token) =>
        {
            if (note.Reported is { } reported) await MarkReportedAsync(db, reported, token);
            var named = await SenderNameAsync(db, content, sender, token);
            await mail.Outcome(InboundStatus.Processed, outcome + named, note.TicketId)(db, ticketId, token);
        }, batch);
    }

    /// <summary>
    /// A sender who may add this entry themself (the requester or a contact, to the public log) acts on their own rights.
    /// Anyone else's mail (an unknown or unrelated sender quoting the ticket's number, an internal note by parameter) is
    /// applied by the system on the sender's behalf, as the Mail API has it; the entry and audit still name the sender.
    /// </summary>
    private static async Task<Actor> NoteActorAsync(HelpdeskDbContext db, Actor sender, AddNote note, CancellationToken ct) =>
        await TicketAccess.AllowsAsync(db, sender, note.TicketId, AppendCaseLogEntryCommand.Operation(note.Log), ct)
            ? sender
            : sender with { AuthorizedBy = Actor.System };

    /// <summary>
    /// The ticket, an unknown sender's new person (email policy), the Cc contacts and the mail's outcome are one
    /// transaction: a ticket that fails leaves no person behind.
    /// </summary>
    private async Task CreateRequestAsync(TicketWriteBatch batch, CreateRequest create, Applying mail, CancellationToken ct)
    {
        var (db, content, sender) = (batch.Db, mail.Content, create.Sender);
        if (sender is null && !create.CreateSender) throw new InvalidOperationException("The sender disappeared while the mail was processed.");
        var (files, leftOut) = await StageAsync(db, content, ct);
        var ticket = create.Ticket with
        {
            RequestedById = sender?.Id,
            RequestedForId = create.CreateSender ? sender?.Id ?? 0 : create.Ticket.RequestedForId,
            NewRequester = sender is null ? new NewRequester(content.FromName ?? content.FromAddress!, content.FromAddress!) : null,
            SourceInboundId = mail.Claim.InboundId,
            Description = LeftOutAttachments.AppendTo(create.Ticket.Description, create.Ticket.DescriptionFormat, leftOut),
            Files = files,
            ContactIds = await CcPeopleAsync(db, content, ct),
            AuditNotes = [.. create.Ticket.AuditNotes,
                .. sender is null ? [$"The sender {content.FromAddress} was unknown; a person was created (email policy)."] : Array.Empty<string>(),
                .. create.IsAutomated ? [Unanswered(create)] : Array.Empty<string>()],
        };
        await createTicket.ExecuteAsync(ticket, SenderActor(sender, content, create), ct, async (tdb, ticketId, token) =>
        {
            var named = await SenderNameAsync(tdb, content, sender, token);
            var created = string.Join(" ", [$"Created {TicketNumber.Format(ticketId)}: {create.Explanation}", .. leftOut]);
            await mail.Outcome(InboundStatus.Processed, WithAutomated(created, create) + named, ticketId)(tdb, ticketId, token);
        }, batch);
    }

    /// <summary>Stores the mail's files within the batch's transaction (on SQLite, a write of their own would wait for its lock).</summary>
    /// <returns>The mail's files within the attachment limit, and an explanation for each one left out.</returns>
    private async Task<(IReadOnlyList<StagedFile> Files, IReadOnlyList<string> LeftOut)> StageAsync(HelpdeskDbContext db, InboundMailContent content, CancellationToken ct)
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
            var staged = await blobs.StageAsync(attachment.FileName, attachment.ContentType, attachment.Content, db, ct);
            files.Add(staged with { IsInline = attachment.IsInline, ContentId = attachment.ContentId });
        }
        return (files, leftOut);
    }

    /// <summary>
    /// Known people on the mail's Cc become contacts of the ticket (they get "reply all" autoresponses); the commands add
    /// them before the change's notifications run, so those already reach them.
    /// </summary>
    private async Task<IReadOnlyList<int>> CcPeopleAsync(HelpdeskDbContext db, InboundMailContent content, CancellationToken ct)
    {
        var cc = content.CcAddresses.Where(a => !router.IsOwnAddress(a) && !a.Equals(content.FromAddress, StringComparison.OrdinalIgnoreCase)).ToList();
        if (cc.Count == 0) return [];
        var ids = new List<int>();
        foreach (var address in cc)
            if (await SenderDirectory.FindAsync(db, address, ct) is { } person) ids.Add(person.Id);
        return ids;
    }

    /// <summary>
    /// A known person keeps their name; one stored as nothing or as their bare address takes the mail's display name.
    /// Another name in the mail is recorded in the outcome, not lost silently.
    /// </summary>
    /// <param name="sender">The sender as the decision found them: the person stored under the address, unless found by another of their addresses.</param>
    private static async Task<string> SenderNameAsync(HelpdeskDbContext db, InboundMailContent content, Person? sender, CancellationToken ct)
    {
        if (content is not { FromAddress: { } address, FromName: { } name }) return "";
        // Primary addresses are unique: the same spelling is the same row (another case is left to the NOCASE query).
        var person = sender is not null && sender.PrimaryEmail == address
            ? sender
            : await db.Set<Person>().FirstOrDefaultAsync(p => p.PrimaryEmail == address, ct);
        if (person is null || person.Name == name) return "";
        if (string.IsNullOrWhiteSpace(person.Name) || person.Name.Equals(address, StringComparison.OrdinalIgnoreCase))
        {
            person.Name = name;
            return $" The sender's stored name was only their address; it is now \"{name}\", as the mail gives it.";
        }
        return $" The mail names the sender \"{name}\"; the stored name \"{person.Name}\" was kept.";
    }

    // A bounce is final; a delay lasts until the mail bounces or is reported delivered.
    private async Task MarkReportedAsync(HelpdeskDbContext db, ReportedMail reported, CancellationToken ct)
    {
        foreach (var mail in await db.Set<OutboxMessage>().Where(m => m.MessageId == reported.MessageId && m.BouncedAt == null).ToListAsync(ct))
        {
            if (reported.Kind == DeliveryReportKind.Failed) mail.BouncedAt = Now;
            else if (reported.Kind == DeliveryReportKind.Delayed) mail.DelayedAt = Now;
            else if (reported.Kind == DeliveryReportKind.Delivered) mail.DelayedAt = null;
        }
    }
}
