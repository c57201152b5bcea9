using Helpdesk.Core.Attachments;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Events;
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
    ITicketChangeFeed feed,
    TimeProvider clock,
    ILogger<OutboxSendStage> logger)
{
    private const string SendAlertKey = "send";

    /// <returns>How many mails were sent.</returns>
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutboxMessage>().Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id).Take(settings.BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;

        var sent = 0;
        IMailBatch batch;
        try
        {
            batch = await transport.OpenAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var problem = WhyTheServerCannotBeUsed(ex);
            logger.LogWarning("Opening the mail server failed: {Problem}", problem);
            foreach (var message in due) Fail(message, problem, permanent: false, now);
            await db.SaveChangesAsync(CancellationToken.None);
            foreach (var ticketId in due.Select(m => m.TicketId).Distinct()) AnnounceDelivery(ticketId, now);
            await alerts.RaiseAsync(SendAlertKey, "Sending mail fails", problem + "\n"
                + "Mail stays in the outbox and is retried; this alert is sent once per failure episode (it goes out when sending works again).", CancellationToken.None);
            return 0;
        }
        await alerts.ResolveAsync(SendAlertKey, CancellationToken.None);
        await using (batch)
        {
            foreach (var message in due)
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
                // Saved per mail: a crash after a send must not forget that it was sent.
                await db.SaveChangesAsync(CancellationToken.None);
                AnnounceDelivery(message.TicketId, now);
            }
        }
        return sent;
    }

    // Open ticket pages show each mail's delivery state, so they hear of every change to it.
    private void AnnounceDelivery(int? ticketId, DateTime now)
    {
        if (ticketId is { } id) feed.Publish(new TicketChanged(id, TicketChangeKind.MailDeliveryChanged, null, now));
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
