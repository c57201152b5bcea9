namespace Helpdesk.Core.Accounts;

/// <summary>First-start administrator, section "Admin". Used only while no administrator exists.</summary>
public sealed class AdminBootstrapOptions
{
    public const string Section = "Admin";

    public string Email { get; set; } = "admin@helpdesk.local";
    public string Name { get; set; } = "Administrator";

    /// <summary>When empty, a one-time password is generated and written to the log.</summary>
    public string? Password { get; set; }
}
