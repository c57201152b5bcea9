namespace Helpdesk.Core.Accounts;

/// <summary>Section "Login": how many failed logins one network address may make before its attempts are refused unchecked.</summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "Login";

    /// <summary>Failed logins from one address within <see cref="Window"/> after which its logins are refused without checking the password.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
