namespace Helpdesk.Core.CaseLog.RemoteImages;

/// <summary>How the console fetches a mail's remote images for an agent who chose to load them ("Security:RemoteImages").</summary>
public sealed class RemoteImageOptions
{
    public const string Section = "Security:RemoteImages";

    /// <summary>
    /// Whether images may be fetched from loopback, private, link-local and other non-public addresses. Off by default:
    /// a mail must not make the server reach into its own network (SSRF). Tests switch it on for a loopback image server.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long one fetch (connect, redirects and body) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest image passed on; bigger responses are refused.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
}
