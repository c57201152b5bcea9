namespace Helpdesk.Core.Correspondence.LoginFailures;

/// <summary>One failed login on PostgreSQL, counted under its network address and under its account name by every instance.</summary>
public sealed class LoginFailure
{
    public long Id { get; set; }
    public LoginFailureScope Scope { get; set; }

    /// <summary>The address or name in lower case, so counting is case-insensitive on every provider.</summary>
    public required string Key { get; set; }
    public DateTime At { get; set; }
}

public enum LoginFailureScope
{
    Address,
    Account,
}

/// <summary>The one row of the excessive-login alert's rate limit, shared by every instance on PostgreSQL.</summary>
public sealed class LoginAlertState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public DateTime? LastAlertAt { get; set; }
    public int HeldBack { get; set; }
}
