namespace Helpdesk.Tests.TestSupport;

/// <summary>The database a test's behaviour depends on; every other test runs on both (scripts/test.sh runs the Core tests twice).</summary>
public static class ProviderTrait
{
    public const string Name = "Provider";

    /// <summary>Behaviour that exists only on PostgreSQL (several instances): <see cref="PostgreSqlFactAttribute"/> skips it on SQLite runs.</summary>
    public const string PostgreSqlOnly = "PostgreSqlOnly";
}
