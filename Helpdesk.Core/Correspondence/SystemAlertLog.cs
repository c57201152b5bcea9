namespace Helpdesk.Core.Correspondence;

/// <summary>
/// When a system alert was last mailed, so each failure episode is mailed once (rate limit). Event alerts limited
/// across instances (database errors on PostgreSQL) also count here the events not mailed since.
/// </summary>
public sealed class SystemAlertLog
{
    public required string Key { get; set; }
    public DateTime LastSentAt { get; set; }
    public bool EpisodeOpen { get; set; }
    public int HeldBack { get; set; }
}
