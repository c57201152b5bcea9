using System.Collections.Concurrent;
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

    /// <returns>How many mails were sent.</returns>
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var claim = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().UtcDateTime;
        if (await ClaimDueAsync(claim, now, ct) == 0) return 0;

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var claimed = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ClaimToken == claim).OrderBy(m => m.Id).ToListAsync(ct);
        var results = new OutboxResultWriter(db, result => Apply(result, now), notifier, logger, now);
        var writing = results.RunAsync();
        // The connections take mails from one queue (so none idles while another still has a backlog), each with its
        // own SMTP client (never shared); one writer records them all.
        var queue = new ConcurrentQueue<OutboxMessage>(claimed);
        (int Sent, string? Problem)[] connections;
        string? problem;
        try
        {
            connections = await Task.WhenAll(Enumerable.Range(0, Math.Clamp(options.Value.Connections, 1, claimed.Count))
                .Select(_ => SendOverOneConnectionAsync(queue, results, ct)));
            problem = connections.Select(c => c.Problem).FirstOrDefault(p => p is not null);
            // Mails no connection could take (none opened) count as a failed attempt, so they back off like any failure.
            while (problem is not null && queue.TryDequeue(out var left)) results.TryAdd(new OutboxSendResult(left, null, problem));
        }
        finally
        {
            results.Complete();
            await writing;
        }
        if (problem is not null)
            await alerts.RaiseAsync(SendAlertKey, Correspondence.CorrespondenceKind.SystemMailSendingFails, new Correspondence.SystemAlertFacts(problem), CancellationToken.None);
        else
            await alerts.ResolveAsync(SendAlertKey, CancellationToken.None);
        return connections.Sum(c => c.Sent);
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

    /// <returns>How many mails this connection sent, or why it could not open.</returns>
    private async Task<(int Sent, string? Problem)> SendOverOneConnectionAsync(ConcurrentQueue<OutboxMessage> queue, OutboxResultWriter results, CancellationToken ct)
    {
        IMailBatch batch;
        try
        {
            batch = await transport.OpenAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var problem = WhyTheServerCannotBeUsed(ex);
            logger.LogWarning("Opening the mail server failed: {Problem}", problem);
            return (0, problem);
        }
        var sent = 0;
        await using (batch)
        {
            while (queue.TryDequeue(out var message))
            {
                OutboxSendResult result;
                try
                {
                    var (mime, recipients) = composer.Compose(message);
                    // The raw copy is written while the server takes the mail. Once the server has accepted it, nothing
                    // may fail or be cancelled (shutdown) before the result reaches the writer, or the mail would go out
                    // twice: so the copy is never cancelled, and a copy that cannot be written is logged, not a failure.
                    var keeping = KeepRawAsync(mime);
                    await batch.SendAsync(mime, recipients, ct);
                    result = new OutboxSendResult(message, await RawCopyOrNullAsync(message, keeping));
                    sent++;
                }
                catch (PermanentSendException ex)
                {
                    result = new OutboxSendResult(message, null, ex.Message, Permanent: true);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Sending outbox mail {OutboxId} failed: {Error}", message.Id, ex.Message);
                    result = new OutboxSendResult(message, null, ex.Message);
                }
                if (!results.TryAdd(result)) break;
            }
        }
        return (sent, null);
    }

    /// <summary>Applies a result to its row; called by the round's writer only, so rows change on one thread.</summary>
    private void Apply(OutboxSendResult result, DateTime now)
    {
        var message = result.Message;
        if (!result.Sent)
        {
            Fail(message, result.Error!, result.Permanent, now);
            return;
        }
        message.RawSha256 = result.RawSha256;
        message.Status = OutboxStatus.Sent;
        message.SentAt = clock.GetUtcNow().UtcDateTime;
        message.Attempts++;
        message.LastError = null;
    }

    private string WhyTheServerCannotBeUsed(Exception ex) => ex switch
    {
        MailKit.Security.AuthenticationException => $"The mail server refused the login of {options.Value.SmtpUserName}: {ex.Message}",
        MailKit.Security.SslHandshakeException => $"The TLS handshake with the mail server failed: {ex.Message}",
        _ => $"The mail server is not reachable: {ex.Message}",
    };

    private Task<string> KeepRawAsync(MimeKit.MimeMessage mime)
    {
        using var raw = new MemoryStream();
        mime.WriteTo(raw);
        return blobs.StoreAsync(raw.ToArray(), CancellationToken.None);
    }

    private async Task<string?> RawCopyOrNullAsync(OutboxMessage message, Task<string> keeping)
    {
        try
        {
            return await keeping;
        }
        catch (Exception ex)
        {
            logger.LogError("The raw copy of sent outbox mail {OutboxId} could not be kept: {Error}", message.Id, ex.Message);
            return null;
        }
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
