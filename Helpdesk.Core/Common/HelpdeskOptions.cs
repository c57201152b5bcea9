namespace Helpdesk.Core.Common;

/// <summary>Top-level settings, section "Helpdesk".</summary>
public sealed class HelpdeskOptions
{
    public const string Section = "Helpdesk";

    /// <summary>Folder holding the SQLite database, attachments and local mail folders. Relative paths are under the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Base URL of the console, used for links in mail.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary>This instance's name in /health and the lease table; unique among instances sharing a database.</summary>
    public string InstanceName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>How long after the console starts listening its background workers (mail in and out, sweeps) start, so the first pages after a start come first.</summary>
    public TimeSpan WorkersStartDelay { get; set; } = TimeSpan.FromSeconds(2);
}
