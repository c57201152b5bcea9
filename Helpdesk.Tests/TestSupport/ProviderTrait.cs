namespace Helpdesk.Tests.TestSupport;

/// <summary>
/// Tests that do not pass on PostgreSQL yet carry [Trait(Name, SqliteOnly)] with the reason beside it; scripts/test.sh
/// leaves them out of its PostgreSQL run (Provider!=SqliteOnly), which runs every other Core test.
/// </summary>
public static class ProviderTrait
{
    public const string Name = "Provider";
    public const string SqliteOnly = "SqliteOnly";

    /// <summary>Behaviour that exists only on PostgreSQL (several instances): <see cref="PostgreSqlFactAttribute"/> skips it on SQLite runs.</summary>
    public const string PostgreSqlOnly = "PostgreSqlOnly";
}
