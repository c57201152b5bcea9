using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Correspondence;

/// <summary>
/// Alerts to the administrative email about the system itself (mail fetch or send failing, unexpected errors,
/// excessive failed logins). Once per failure episode, and at most once per <see cref="CorrespondenceSwitches.SystemAlertInterval"/>.
/// </summary>
public sealed class SystemAlerts(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    CorrespondenceSettings settings,
    IOptions<HelpdeskOptions> helpdesk,
    IOptions<InboundMailOptions> inbound,
    TimeProvider clock,
    ILogger<SystemAlerts> logger)
{
    private static readonly AsyncLocal<bool> Writing = new();

    /// <summary>True while the current flow is writing a system alert: a database error then must not raise another one.</summary>
    public static bool IsWritingAlert => Writing.Value;

    /// <param name="switchedOn">For alerts the administrator may switch off; mail fetch and send failures are always mailed.</param>
    /// <returns>True when a mail was queued (false: same episode, rate-limited, or switched off).</returns>
    public async Task<bool> RaiseAsync(string key, string subject, string details, CancellationToken ct = default, Func<CorrespondenceSwitches, bool>? switchedOn = null)
    {
        // Scoped to this call: an async method restores the caller's AsyncLocal values when it returns.
        Writing.Value = true;
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var switches = await settings.GetAsync(db, ct);
            if (switchedOn?.Invoke(switches) == false) return false;
            var log = await db.Set<SystemAlertLog>().FirstOrDefaultAsync(l => l.Key == key, ct);
            if (log is { EpisodeOpen: true } || (log is not null && now - log.LastSentAt < switches.SystemAlertInterval))
                return false;
            if (log is null) db.Add(log = new SystemAlertLog { Key = key });
            log.EpisodeOpen = true;
            log.LastSentAt = now;
            db.Add(Mail(switches.AdminEmail, subject, details, now));
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database itself may be what fails; the log still has it.
            logger.LogError(ex, "Could not queue system alert {Key}: {Subject}", key, subject);
            return false;
        }
    }

    /// <summary>An alert about one event, not an episode: the caller does the rate limiting.</summary>
    /// <returns>True when a mail was queued.</returns>
    public async Task<bool> SendAsync(string subject, string details, CancellationToken ct = default, Func<CorrespondenceSwitches, bool>? switchedOn = null)
    {
        Writing.Value = true;
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            var switches = await settings.GetAsync(db, ct);
            if (switchedOn?.Invoke(switches) == false) return false;
            db.Add(Mail(switches.AdminEmail, subject, details, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not queue system alert: {Subject}", subject);
            return false;
        }
    }

    private OutboxMessage Mail(string adminEmail, string subject, string details, DateTime now) =>
        OutboxMail.Create("system_alert", null, inbound.Value.AccountAddress,
            [new OutboxRecipient(adminEmail, null, "the administrative email (system alert)")],
            "[Helpdesk system alert] " + subject, details, null, new Uri(helpdesk.Value.PublicUrl).Host, now);

    /// <summary>Ends a failure episode (e.g. the mailbox answers again), so the next failure is reported.</summary>
    public async Task ResolveAsync(string key, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // Called after every successful mailbox fetch or login: a read, and a write only when an episode is open.
        if (!await db.Set<SystemAlertLog>().AnyAsync(l => l.Key == key && l.EpisodeOpen, ct)) return;
        await db.Set<SystemAlertLog>().Where(l => l.Key == key && l.EpisodeOpen).ExecuteUpdateAsync(s => s.SetProperty(l => l.EpisodeOpen, false), ct);
    }
}
