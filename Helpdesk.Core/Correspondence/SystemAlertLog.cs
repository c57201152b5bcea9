namespace Helpdesk.Core.Correspondence;

/// <summary>When a system alert was last mailed, so each failure episode is mailed once (rate limit).</summary>
public sealed class SystemAlertLog
{
    public required string Key { get; set; }
    public DateTime LastSentAt { get; set; }
    public bool EpisodeOpen { get; set; }
}
