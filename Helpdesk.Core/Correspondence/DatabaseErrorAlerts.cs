using Helpdesk.Core.Persistence;

namespace Helpdesk.Core.Correspondence;

/// <summary>
/// Unexpected SQL errors are events, not episodes: at most one alert per <see cref="CorrespondenceSwitches.SystemAlertInterval"/>,
/// and the next one says how many errors were not mailed meanwhile. The limit is kept in memory because the database
/// may be what fails.
/// </summary>
public sealed class DatabaseErrorAlerts(SystemAlerts alerts, CorrespondenceSettings settings, TimeProvider clock)
{
    private readonly AlertRateLimit _rateLimit = new();

    /// <summary>The alert the latest error started, if any (lets a test wait for it).</summary>
    internal Task<bool> LastAlert { get; private set; } = Task.FromResult(false);

    /// <returns>True when this error starts an alert mail (it is written in the background).</returns>
    public bool Report(Exception error)
    {
        if (SystemAlerts.IsWritingAlert || error is OperationCanceledException || IsHandledConstraintViolation(error)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        // The switches read last, not the database: it may be what fails. SendAsync checks the saved switch again.
        var switches = settings.LastRead;
        if (!switches.SqlErrorAlerts) return false;
        if (!_rateLimit.TryStart(now, switches.SystemAlertInterval, out var previous, out var notMailed)) return false;
        var details = notMailed > 0 ? $"{notMailed} more database error(s) happened since the previous alert at {previous:yyyy-MM-dd HH:mm} UTC and were not mailed." : "";
        var alert = new SystemAlertFacts($"{error.GetType().Name}: {error.Message}", details, Count: notMailed);
        // Never awaited by the failing command: its caller must get its own exception, not wait for the alert.
        LastAlert = Task.Run(() => alerts.SendAsync(CorrespondenceKind.SystemDatabaseError, alert, switchedOn: s => s.SqlErrorAlerts));
        return true;
    }

    // Unique and primary-key violations are insert races the app turns into a validation error or a no-op.
    private static bool IsHandledConstraintViolation(Exception error) => UniqueViolation.Is(error);
}
