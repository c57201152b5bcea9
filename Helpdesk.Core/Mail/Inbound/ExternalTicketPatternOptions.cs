namespace Helpdesk.Core.Mail.Inbound;

/// <summary>
/// How another ticket system's numbers are recognised in its mail (subject first, then text), section
/// "Mail:Inbound:ExternalTicketPatterns". A pattern applies only to mail from that system: mail carrying
/// <see cref="Header"/>, or from one of <see cref="Domains"/>. An empty list means the shipped defaults.
/// </summary>
public sealed class ExternalTicketPatternOptions
{
    public static readonly ExternalTicketPatternOptions[] Defaults =
    [
        new() { System = "ServiceNow", Pattern = @"\b(?:INC|RITM|REQ|CHG|PRB|SCTASK|TASK)\d{5,}\b", Header = "X-ServiceNow-" },
        new() { System = "Jira", Pattern = @"\b[A-Z][A-Z0-9]+-\d+\b", Header = "X-JIRA-FingerPrint" },
    ];

    public string System { get; set; } = "";

    /// <summary>A regular expression for the number; the whole match is the number.</summary>
    public string Pattern { get; set; } = "";

    /// <summary>A header name, or a prefix ending in "-", that the system's mail carries.</summary>
    public string? Header { get; set; }

    /// <summary>Sender domains of the system (subdomains included).</summary>
    public List<string> Domains { get; set; } = [];
}
