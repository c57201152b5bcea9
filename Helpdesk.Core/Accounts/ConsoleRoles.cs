namespace Helpdesk.Core.Accounts;

/// <summary>Identity roles of console users.</summary>
public static class ConsoleRoles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string Administrator = "Administrator";

    public static readonly string[] All = [Agent, Supervisor, Administrator];
}
