using Helpdesk.Core.Persistence;

namespace Helpdesk.Tests.TestSupport;

/// <summary>
/// A test of PostgreSQL-only behaviour (advisory locks, several instances): it runs in the PostgreSQL run
/// (HELPDESK_TEST_DATABASE=PostgreSQL) and is skipped, saying so, in the SQLite run. Mark it with
/// [Trait(ProviderTrait.Name, ProviderTrait.PostgreSqlOnly)] as well.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestDatabase.ProviderFromEnvironment != DatabaseProvider.PostgreSQL)
            Skip = "PostgreSQL only: runs with HELPDESK_TEST_DATABASE=PostgreSQL";
    }
}
