using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Correspondence;

/// <summary>
/// Alerts to the administrative email about the system itself (mail fetch or send failing, unexpected errors,
/// excessive failed logins). Once per failure episode, and at most once per <see cref="CorrespondenceSwitches.SystemAlertInterval"/>.
/// Each kind is worded by its editable correspondence template.
/// </summary>
public sealed class SystemAlerts(
    IDbContextFactory<HelpdeskDbContext> contextFactory,
    CorrespondenceSettings settings,
    CorrespondenceMail correspondenceMail,
    TimeProvider clock,
    ILogger<SystemAlerts> logger)
{
    private static readonly AsyncLocal<bool> Writing = new();

    /// <summary>True while the current flow is writing a system alert: a database error then must not raise another one.</summary>
    public static bool IsWritingAlert => Writing.Value;

    /// <param name="switchedOn">For alerts the administrator may switch off; mail fetch and send failures are always mailed.</param>
    /// <returns>True when a mail was queued (false: same episode, rate-limited, or switched off).</returns>
    /// <param name="kind">One of the system alerts (<see cref="CorrespondenceSwitches.IsSystemAlert"/>).</param>
    public async Task<bool> RaiseAsync(string key, CorrespondenceKind kind, SystemAlertFacts alert, CancellationToken ct = default, Func<CorrespondenceSwitches, bool>? switchedOn = null)
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
            await QueueAsync(db, switches, kind, alert, now, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database itself may be what fails; the log still has it.
            logger.LogError(ex, "Could not queue system alert {Key} ({Kind}): {Reason}", key, kind, alert.Reason);
            return false;
        }
    }

    /// <summary>An alert about one event, not an episode: the caller does the rate limiting.</summary>
    /// <returns>True when a mail was queued.</returns>
    public async Task<bool> SendAsync(CorrespondenceKind kind, SystemAlertFacts alert, CancellationToken ct = default, Func<CorrespondenceSwitches, bool>? switchedOn = null)
    {
        Writing.Value = true;
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            var switches = await settings.GetAsync(db, ct);
            if (switchedOn?.Invoke(switches) == false) return false;
            await QueueAsync(db, switches, kind, alert, clock.GetUtcNow().UtcDateTime, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not queue system alert {Kind}: {Reason}", kind, alert.Reason);
            return false;
        }
    }

    /// <summary>
    /// PostgreSQL: an alert about one event, at most one per interval across every instance. The limit's row is locked
    /// while deciding, so two instances deciding at once take turns: one mails, the other counts it as not mailed.
    /// </summary>
    /// <param name="alert">Built from when the previous alert went out and how many events were not mailed since.</param>
    /// <returns>True when a mail was queued.</returns>
    public async Task<bool> SendLimitedAcrossInstancesAsync(string key, CorrespondenceKind kind, Func<DateTime?, int, SystemAlertFacts> alert,
        CancellationToken ct = default, Func<CorrespondenceSwitches, bool>? switchedOn = null)
    {
        Writing.Value = true;
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var switches = await settings.GetAsync(db, ct);
            if (switchedOn?.Invoke(switches) == false) return false;
            var now = clock.GetUtcNow().UtcDateTime;
            var first = await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "SystemAlertLog" ("Key", "LastSentAt", "EpisodeOpen", "HeldBack") VALUES ({key}, {now}, FALSE, 0) ON CONFLICT DO NOTHING""", ct) == 1;
            var (previous, notMailed) = ((DateTime?)null, 0);
            if (!first)
            {
                var log = await db.Set<SystemAlertLog>().FromSql($"""SELECT * FROM "SystemAlertLog" WHERE "Key" = {key} FOR UPDATE""").SingleAsync(ct);
                if (now - log.LastSentAt < switches.SystemAlertInterval)
                {
                    log.HeldBack++;
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    return false;
                }
                (previous, notMailed) = (log.LastSentAt, log.HeldBack);
                (log.LastSentAt, log.HeldBack) = (now, 0);
            }
            await QueueAsync(db, switches, kind, alert(previous, notMailed), now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not queue system alert {Kind} ({Key})", kind, key);
            return false;
        }
    }

    private Task QueueAsync(HelpdeskDbContext db, CorrespondenceSwitches switches, CorrespondenceKind kind, SystemAlertFacts alert, DateTime now, CancellationToken ct) =>
        correspondenceMail.QueueNoticeAsync(db, kind, Facts(alert with { Time = now, Interval = switches.SystemAlertInterval }),
            Recipient(switches), ct);

    public static OutboxRecipient Recipient(CorrespondenceSwitches switches) => new(switches.AdminEmail, null, "the administrative email (system alert)");

    public static TicketFacts Facts(SystemAlertFacts alert) => new()
    {
        Values = new Dictionary<string, object?>(), FriendlyNames = new Dictionary<string, string?>(), Entries = [], Alert = alert,
    };

    /// <summary>Ends a failure episode (e.g. the mailbox answers again), so the next failure is reported.</summary>
    public async Task ResolveAsync(string key, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // Called after every successful mailbox fetch or login: a read, and a write only when an episode is open.
        if (!await db.Set<SystemAlertLog>().AnyAsync(l => l.Key == key && l.EpisodeOpen, ct)) return;
        await db.Set<SystemAlertLog>().Where(l => l.Key == key && l.EpisodeOpen).ExecuteUpdateAsync(s => s.SetProperty(l => l.EpisodeOpen, false), ct);
    }
}
