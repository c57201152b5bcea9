namespace Helpdesk.Core.Correspondence;

/// <summary>
/// What a system alert's template can say, as $alert->…$ placeholders. A system alert is about no ticket, so its
/// templates use these and nothing of $this->…$.
/// </summary>
/// <param name="Reason">Why it fails, e.g. the error the mail server or the database gave.</param>
/// <param name="Details">Further lines, e.g. the top failed-login counts, or how many alerts were not mailed.</param>
/// <param name="Source">What fails, e.g. the mailbox's name.</param>
/// <param name="Count">How many more such events were not mailed since the previous alert.</param>
public sealed record SystemAlertFacts(string Reason, string Details = "", string? Source = null, int Count = 0)
{
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "reason", "details", "source", "time", "count", "interval" };

    /// <summary>When the alert is raised; set by <see cref="SystemAlerts"/>.</summary>
    public DateTime Time { get; init; }

    /// <summary>At most one alert of a kind per this interval; set by <see cref="SystemAlerts"/>.</summary>
    public TimeSpan Interval { get; init; }

    public string Value(string placeholder) => placeholder.ToLowerInvariant() switch
    {
        "reason" => Reason,
        "details" => Details,
        "source" => Source ?? "",
        "time" => Time.ToString("yyyy-MM-dd HH:mm 'UTC'"),
        "count" => Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "interval" => Interval.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(placeholder), placeholder, "Not a system-alert placeholder."),
    };
}
