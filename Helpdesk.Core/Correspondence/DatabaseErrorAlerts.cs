using Helpdesk.Core.Persistence;

namespace Helpdesk.Core.Correspondence;

/// <summary>
/// Unexpected SQL errors are events, not episodes: at most one alert per <see cref="CorrespondenceSwitches.SystemAlertInterval"/>,
/// and the next one says how many errors were not mailed meanwhile. On SQLite (one process) the limit is kept in
/// memory, because the database may be what fails; on PostgreSQL it is counted in the database, so several instances
/// share one limit (an alert that cannot be written there could not be queued either).
/// </summary>
public sealed class DatabaseErrorAlerts(SystemAlerts alerts, CorrespondenceSettings settings, TimeProvider clock, bool acrossInstances)
{
    /// <summary>The <see cref="SystemAlertLog"/> key of the shared limit.</summary>
    public const string LimitKey = "database-error";

    private readonly AlertRateLimit _rateLimit = new();

    /// <summary>The alert the latest error started, if any (lets a test wait for it): true when a mail was queued.</summary>
    internal Task<bool> LastAlert { get; private set; } = Task.FromResult(false);

    public void Report(Exception error)
    {
        if (SystemAlerts.IsWritingAlert || error is OperationCanceledException || IsHandledConstraintViolation(error)) return;
        // The switches read last, not the database: it may be what fails. The alert checks the saved switch again.
        if (!settings.LastRead.SqlErrorAlerts) return;
        var reason = $"{error.GetType().Name}: {error.Message}";
        // Never awaited by the failing command: its caller must get its own exception, not wait for the alert.
        if (acrossInstances)
        {
            LastAlert = Task.Run(() => alerts.SendLimitedAcrossInstancesAsync(LimitKey, CorrespondenceKind.SystemDatabaseError,
                (previous, notMailed) => Alert(reason, previous, notMailed), switchedOn: s => s.SqlErrorAlerts));
            return;
        }
        if (!_rateLimit.TryStart(clock.GetUtcNow().UtcDateTime, settings.LastRead.SystemAlertInterval, out var previousAt, out var heldBack)) return;
        LastAlert = Task.Run(() => alerts.SendAsync(CorrespondenceKind.SystemDatabaseError, Alert(reason, previousAt, heldBack), switchedOn: s => s.SqlErrorAlerts));
    }

    private static SystemAlertFacts Alert(string reason, DateTime? previous, int notMailed) =>
        new(reason, notMailed > 0 ? $"{notMailed} more database error(s) happened since the previous alert at {previous:yyyy-MM-dd HH:mm} UTC and were not mailed." : "",
            Count: notMailed);

    // Unique and primary-key violations are insert races the app turns into a validation error or a no-op.
    private static bool IsHandledConstraintViolation(Exception error) => UniqueViolation.Is(error);
}
