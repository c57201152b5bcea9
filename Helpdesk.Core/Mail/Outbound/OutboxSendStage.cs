using Helpdesk.Core.Attachments;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>
/// Sends due outbox mail, oldest first. Success marks it Sent (raw MIME kept); a transient failure schedules a retry
/// with doubling backoff; a permanent failure, or too many attempts, marks it Failed for an administrator to resend.
/// Rows stay the only copy of the work, so a restart simply resumes (at-least-once, same Message-ID).
/// </summary>
public sealed class OutboxSendStage(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    IMailTransport transport,
    MimeComposer composer,
    BlobStore blobs,
    IOptions<OutboundMailOptions> options,
    Correspondence.SystemAlerts alerts,
    TicketChangeNotifier notifier,
    TimeProvider clock,
    ILogger<OutboxSendStage> logger)
{
    private const string SendAlertKey = "send";
    private const int SaveEvery = 10;

    /// <returns>How many mails were sent.</returns>
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var claim = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().UtcDateTime;
        if (await ClaimDueAsync(claim, now, ct) == 0) return 0;

        // Each connection gets its own share of the round, its own context and its own SMTP client (never shared).
        var ids = await ClaimedIdsAsync(claim, ct);
        var shares = ids.Select((id, i) => (id, i)).GroupBy(x => x.i % Math.Clamp(settings.Connections, 1, ids.Count), x => x.id)
            .Select(g => g.ToList()).ToList();
        var sent = await Task.WhenAll(shares.Select(share => SendShareAsync(share, now, ct)));
        if (sent.Any(s => s is null))
            return sent.Sum(s => s ?? 0);
        await alerts.ResolveAsync(SendAlertKey, CancellationToken.None);
        return sent.Sum(s => s!.Value);
    }

    /// <summary>
    /// Claims up to a batch of due mails for this round in one conditional UPDATE: of two rounds (in one process or
    /// two) racing for a row, one wins; a claim whose lease ran out is taken over.
    /// </summary>
    private async Task<int> ClaimDueAsync(string claim, DateTime now, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var due = db.Set<OutboxMessage>()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimExpiresAt == null || m.ClaimExpiresAt < now))
            .OrderBy(m => m.Id).Take(options.Value.BatchSize).Select(m => m.Id);
        var until = now + options.Value.ClaimLease;
        return await db.Set<OutboxMessage>().Where(m => due.Contains(m.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, claim).SetProperty(m => m.ClaimExpiresAt, until), ct);
    }

    private async Task<List<long>> ClaimedIdsAsync(string claim, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<OutboxMessage>().Where(m => m.ClaimToken == claim).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
    }

    /// <returns>How many mails of the share were sent, or null when the mail server could not be used.</returns>
    private async Task<int?> SendShareAsync(IReadOnlyList<long> ids, DateTime now, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var share = await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(ct);
        IMailBatch batch;
        try
        {
            batch = await transport.OpenAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var problem = WhyTheServerCannotBeUsed(ex);
            logger.LogWarning("Opening the mail server failed: {Problem}", problem);
            foreach (var message in share) Fail(message, problem, permanent: false, now);
            await SaveAsync(db, now, CancellationToken.None);
            await alerts.RaiseAsync(SendAlertKey, Correspondence.CorrespondenceKind.SystemMailSendingFails, new Correspondence.SystemAlertFacts(problem), CancellationToken.None);
            return null;
        }
        var (sent, done) = (0, 0);
        await using (batch)
        {
            foreach (var message in share)
            {
                try
                {
                    var (mime, recipients) = composer.Compose(message);
                    // The raw copy is kept before sending: nothing that can fail, or be cancelled by a shutdown, may
                    // come between the server's acceptance and recording it, or the mail would go out twice.
                    var rawSha256 = await KeepRawAsync(mime, ct);
                    await batch.SendAsync(mime, recipients, ct);
                    message.RawSha256 = rawSha256;
                    message.Status = OutboxStatus.Sent;
                    message.SentAt = clock.GetUtcNow().UtcDateTime;
                    message.Attempts++;
                    message.LastError = null;
                    sent++;
                }
                catch (PermanentSendException ex)
                {
                    Fail(message, ex.Message, permanent: true, now);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Sending outbox mail {OutboxId} failed: {Error}", message.Id, ex.Message);
                    Fail(message, ex.Message, permanent: false, now);
                }
                // Results are written every few mails, not after each one: a crash in between sends those few again
                // once the claim's lease runs out (same Message-ID) — the documented at-least-once window.
                if (++done % SaveEvery == 0) await SaveAsync(db, now, CancellationToken.None);
            }
        }
        await SaveAsync(db, now, CancellationToken.None);
        return sent;
    }

    /// <summary>
    /// Records the results so far and ends the round's claim on those rows; a row whose claim another round took over
    /// (an expired lease) is left to it. Open ticket pages hear of each recorded delivery change.
    /// </summary>
    private async Task SaveAsync(HelpdeskDbContext db, DateTime now, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity).ToList();
        foreach (var message in changed)
            (message.ClaimToken, message.ClaimExpiresAt) = (null, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            foreach (var lost in ex.Entries)
            {
                logger.LogWarning("Outbox mail {OutboxId} outlived its claim and another send round took it over; its result here is not recorded",
                    ((OutboxMessage)lost.Entity).Id);
                lost.State = EntityState.Detached;
                changed.Remove((OutboxMessage)lost.Entity);
            }
            await db.SaveChangesAsync(ct);
        }
        var changes = changed.Select(m => m.TicketId).OfType<int>().Distinct()
            .Select(ticketId => new TicketChange { TicketId = ticketId, Kind = TicketChangeKind.MailDeliveryChanged, At = now }).ToList();
        if (changes.Count == 0) return;
        db.AddRange(changes);
        await db.SaveChangesAsync(ct);
        notifier.Wake(changes.Max(c => c.Id));
    }

    private string WhyTheServerCannotBeUsed(Exception ex) => ex switch
    {
        MailKit.Security.AuthenticationException => $"The mail server refused the login of {options.Value.SmtpUserName}: {ex.Message}",
        MailKit.Security.SslHandshakeException => $"The TLS handshake with the mail server failed: {ex.Message}",
        _ => $"The mail server is not reachable: {ex.Message}",
    };

    private async Task<string> KeepRawAsync(MimeKit.MimeMessage mime, CancellationToken ct)
    {
        using var raw = new MemoryStream();
        await mime.WriteToAsync(raw, ct);
        raw.Position = 0;
        return (await blobs.StageAsync("sent.eml", "message/rfc822", raw, long.MaxValue, ct)).Sha256;
    }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failures.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var settings = options.Value;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(settings.FirstBackoff.Ticks * factor, settings.MaxBackoff.Ticks));
    }

    private void Fail(OutboxMessage message, string error, bool permanent, DateTime now)
    {
        message.Attempts++;
        message.LastError = error.Length > 1000 ? error[..1000] : error;
        if (permanent || message.Attempts >= options.Value.MaxAttempts)
            message.Status = OutboxStatus.Failed;
        else
            message.NextAttemptAt = now + BackoffAfter(message.Attempts);
    }
}
