namespace Helpdesk.Core.Mail.Inbound;

/// <summary>
/// How automated senders are recognised, section "Mail:Inbound:Automated". Their mail still becomes requests and notes,
/// but never gets an autoresponse or notice. An empty list means the shipped defaults.
/// </summary>
public sealed class AutomatedMailOptions
{
    // Monitoring tools (Alertmanager, Zabbix, Nagios…) mostly send without any automated header: only their address tells.
    public static readonly string[] DefaultNoReplyLocalParts =
    [
        "noreply", "no-reply", "donotreply", "do-not-reply", "mailer", "daemon", "cron", "root", "bounce", "bounces", "notifications",
        "alertmanager", "alerts", "zabbix", "nagios", "icinga", "grafana", "prometheus", "monitoring",
    ];

    /// <summary>Header name (or prefix ending in "-") that marks mail from another ticket system, by system name.</summary>
    public static readonly Dictionary<string, string> DefaultTicketSystemHeaders = new()
    {
        ["Jira"] = "X-JIRA-FingerPrint",
        ["ServiceNow"] = "X-ServiceNow-",
        ["Zendesk"] = "X-Zendesk-",
        ["GitHub"] = "X-GitHub-",
        ["GitLab"] = "X-GitLab-",
        ["Freshdesk"] = "X-Freshdesk-",
        ["OTRS"] = "X-OTRS-",
        ["Zammad"] = "X-Zammad-",
        ["Redmine"] = "X-Redmine-",
        ["Request Tracker"] = "RT-Ticket",
    };

    /// <summary>Local parts of automated senders: "noreply" also covers "noreply-billing@…" and "noreply+x@…".</summary>
    public List<string> NoReplyLocalParts { get; set; } = [];

    public Dictionary<string, string> TicketSystemHeaders { get; set; } = [];

    /// <summary>A header carrying a spam score (e.g. X-Spam-Score, X-Rspamd-Score); at or above the threshold the mail counts as automated.</summary>
    public string SpamScoreHeader { get; set; } = "X-Spam-Score";

    public double SpamScoreThreshold { get; set; } = 5.0;

    public IReadOnlyList<string> EffectiveNoReplyLocalParts => NoReplyLocalParts.Count > 0 ? NoReplyLocalParts : DefaultNoReplyLocalParts;

    public IReadOnlyDictionary<string, string> EffectiveTicketSystemHeaders => TicketSystemHeaders.Count > 0 ? TicketSystemHeaders : DefaultTicketSystemHeaders;
}
