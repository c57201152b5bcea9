using System.Threading.Channels;
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

    /// <summary>
    /// Sends due mail until a claim finds none: the next batch is claimed while the current one drains (at most one
    /// batch ahead), so the connections never wait for a round's slowest mail. As many connections as the first batch
    /// has mails, up to <see cref="OutboundMailOptions.Connections"/>.
    /// </summary>
    /// <returns>How many mails were sent.</returns>
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var first = await ClaimDueAsync(ct);
        if (first.Count == 0) return 0;
        var claims = new OutboxRoundClaims();
        claims.Add(first);
        await using var renewal = ClaimRenewal.Start(async renewCt =>
        {
            await using var renewDb = await contextFactory.CreateDbContextAsync(renewCt);
            await claims.RenewAsync(renewDb, clock.GetUtcNow().UtcDateTime + options.Value.ClaimLease, renewCt);
        }, options.Value.ClaimLease, clock, logger);

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var results = new OutboxResultWriter(db, blobs, Apply, notifier, logger, clock.GetUtcNow().UtcDateTime);
        var writing = results.RunAsync();
        // The connections take mails from one queue (so none idles while another still has a backlog), each with its
        // own SMTP client (never shared); one writer records them all.
        var queue = Channel.CreateBounded<OutboxMessage>(new BoundedChannelOptions(Math.Max(1, options.Value.BatchSize)) { SingleWriter = true });
        using var stopClaiming = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var claiming = ClaimAheadAsync(first, claims, queue.Writer, stopClaiming.Token);
        var connections = Enumerable.Range(0, Math.Clamp(options.Value.Connections, 1, first.Count))
            .Select(_ => SendOverOneConnectionAsync(queue.Reader, results, claims, stopClaiming, ct)).ToList();
        var problem = (string?)null;
        try
        {
            await Task.WhenAll(connections);
        }
        finally
        {
            await stopClaiming.CancelAsync();
            var unsent = await claiming;
            while (queue.Reader.TryRead(out var left)) unsent.Add(left);
            problem = connections.Where(c => c.IsCompletedSuccessfully).Select(c => c.Result.Problem).FirstOrDefault(p => p is not null);
            // Mails no connection could take (none opened) count as a failed attempt, so they back off like any failure;
            // mails left unsent by a shutdown or a failed writer are given back at once rather than after the lease.
            if (problem is not null)
                foreach (var left in unsent) results.TryAdd(new OutboxSendResult(left, null, problem));
            results.Complete();
            try
            {
                await writing;
            }
            finally
            {
                if (problem is null) await ReleaseAsync(unsent);
            }
        }
        if (problem is not null)
            await alerts.RaiseAsync(SendAlertKey, Correspondence.CorrespondenceKind.SystemMailSendingFails, new Correspondence.SystemAlertFacts(problem), CancellationToken.None);
        else
            await alerts.ResolveAsync(SendAlertKey, CancellationToken.None);
        return connections.Sum(c => c.Result.Sent);
    }

    /// <summary>Closes SMTP connections left idle longer than <see cref="OutboundMailOptions.SmtpIdleTimeout"/>.</summary>
    public ValueTask CloseIdleConnectionsAsync() => transport.CloseIdleAsync();

    /// <summary>
    /// Hands the claimed mails to the connections and claims the next batch as soon as this one is queued, until a claim
    /// finds nothing or the round stops.
    /// </summary>
    /// <returns>The claimed mails it could not hand over before the round stopped.</returns>
    private async Task<List<OutboxMessage>> ClaimAheadAsync(List<OutboxMessage> batch, OutboxRoundClaims claims, ChannelWriter<OutboxMessage> queue,
        CancellationToken stop)
    {
        var handed = 0;
        try
        {
            while (batch.Count > 0)
            {
                for (handed = 0; handed < batch.Count; handed++) await queue.WriteAsync(batch[handed], stop);
                batch = await ClaimDueAsync(stop);
                claims.Add(batch);
                handed = 0;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The mails already queued still go out; due mail is claimed again by the next round.
            logger.LogError(ex, "Claiming the next outbox batch failed");
        }
        finally
        {
            queue.TryComplete();
        }
        return batch.Skip(handed).ToList();
    }

    private async Task<List<OutboxMessage>> ClaimDueAsync(CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await OutboxClaim.ClaimDueAsync(db, clock.GetUtcNow().UtcDateTime, options.Value.BatchSize, options.Value.ClaimLease, ct);
    }

    /// <summary>Ends this round's claim on mails it never sent, so the next round takes them without waiting for the lease.</summary>
    private async Task ReleaseAsync(List<OutboxMessage> unsent)
    {
        if (unsent.Count == 0) return;
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
            var ids = unsent.Select(m => m.Id).ToList();
            var claims = unsent.Select(m => m.ClaimToken).Distinct().ToList();
            await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id) && claims.Contains(m.ClaimToken))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, (string?)null).SetProperty(m => m.ClaimExpiresAt, (DateTime?)null), CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Giving back {Count} unsent outbox mails failed; they are taken again once their lease runs out: {Error}", unsent.Count, ex.Message);
        }
    }

    /// <returns>How many mails this connection sent, or why it could not open.</returns>
    private async Task<(int Sent, string? Problem)> SendOverOneConnectionAsync(ChannelReader<OutboxMessage> queue, OutboxResultWriter results,
        OutboxRoundClaims claims, CancellationTokenSource stopClaiming, CancellationToken ct)
    {
        var sent = 0;
        IMailBatch? batch = null;
        try
        {
            // Never cancelled: the claimer completes the queue when the round stops, and a mail taken is always finished.
            while (!ct.IsCancellationRequested && await queue.WaitToReadAsync(CancellationToken.None))
            {
                if (ct.IsCancellationRequested || !queue.TryRead(out var message)) continue;
                if (batch is null)
                {
                    try
                    {
                        batch = await transport.OpenAsync(ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        var problem = WhyTheServerCannotBeUsed(ex);
                        logger.LogWarning("Opening the mail server failed: {Problem}", problem);
                        results.TryAdd(new OutboxSendResult(message, null, problem));
                        await stopClaiming.CancelAsync();
                        return (sent, problem);
                    }
                }
                var result = await SendOneAsync(batch, message, ct);
                claims.Finished();
                if (result.Sent) sent++;
                if (batch.IsBroken)
                {
                    // The next mail goes over a new connection.
                    await batch.DisposeAsync();
                    batch = null;
                }
                if (!results.TryAdd(result))
                {
                    await stopClaiming.CancelAsync();
                    break;
                }
            }
        }
        finally
        {
            if (batch is not null) await batch.DisposeAsync();
        }
        return (sent, null);
    }

    private async Task<OutboxSendResult> SendOneAsync(IMailBatch batch, OutboxMessage message, CancellationToken ct)
    {
        try
        {
            var (mime, recipients) = composer.Compose(message);
            // The bytes the server takes, written out before the send: once the server has accepted the mail, nothing
            // may fail or be cancelled (shutdown) before the result reaches the writer, or the mail would go out twice.
            var raw = Raw(mime);
            await batch.SendAsync(mime, recipients, ct);
            return new OutboxSendResult(message, raw);
        }
        catch (PermanentSendException ex)
        {
            return new OutboxSendResult(message, null, ex.Message, Permanent: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Sending outbox mail {OutboxId} failed: {Error}", message.Id, ex.Message);
            return new OutboxSendResult(message, null, ex.Message);
        }
    }

    /// <summary>Applies a result to its row; called by the round's writer only, so rows change on one thread.</summary>
    private void Apply(OutboxSendResult result, string? rawSha256)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = result.Message;
        if (!result.Sent)
        {
            Fail(message, result.Error!, result.Permanent, now);
            return;
        }
        message.RawSha256 = rawSha256;
        message.Status = OutboxStatus.Sent;
        message.SentAt = now;
        message.Attempts++;
        message.LastError = null;
    }

    private string WhyTheServerCannotBeUsed(Exception ex) => ex switch
    {
        MailKit.Security.AuthenticationException => $"The mail server refused the login of {options.Value.SmtpUserName}: {ex.Message}",
        MailKit.Security.SslHandshakeException => $"The TLS handshake with the mail server failed: {ex.Message}",
        _ => $"The mail server is not reachable: {ex.Message}",
    };

    private static byte[] Raw(MimeKit.MimeMessage mime)
    {
        using var raw = new MemoryStream();
        mime.WriteTo(MimeComposer.WireFormat, raw);
        return raw.ToArray();
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
