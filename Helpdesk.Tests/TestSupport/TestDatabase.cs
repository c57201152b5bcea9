using Helpdesk.Core.Persistence;
using Npgsql;

namespace Helpdesk.Tests.TestSupport;

/// <summary>
/// The database a test host runs on. HELPDESK_TEST_DATABASE=PostgreSQL gives each host a fresh, uniquely named database
/// on the server of HELPDESK_TEST_POSTGRES (default <see cref="DefaultServer"/>; scripts/postgres.sh start sets it up),
/// dropped on dispose; otherwise the host keeps SQLite in its data folder. The host's connections are pooled as in
/// production (each database has its own pool, emptied before the drop).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=helpdesk;Password=helpdesk-test";

    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string? postgresName, IReadOnlyDictionary<string, string?> settings)
    {
        Provider = provider;
        _postgresName = postgresName;
        Settings = settings;
    }

    public static DatabaseProvider ProviderFromEnvironment =>
        Environment.GetEnvironmentVariable("HELPDESK_TEST_DATABASE") is { Length: > 0 } name
            ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }

    /// <summary>Configuration for the host: Database:Provider and ConnectionStrings:Helpdesk (none for SQLite).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static TestDatabase Create(DatabaseProvider? provider = null)
    {
        if ((provider ?? ProviderFromEnvironment) != DatabaseProvider.PostgreSQL)
            return new TestDatabase(DatabaseProvider.Sqlite, null, new Dictionary<string, string?>());
        var name = $"helpdesk_test_{Guid.NewGuid():N}";
        using (var server = new NpgsqlConnection(ServerConnection()))
        {
            server.Open();
            using var create = new NpgsqlCommand($"""CREATE DATABASE "{name}" ENCODING 'UTF8' TEMPLATE template0""", server);
            create.ExecuteNonQuery();
        }
        var connection = new NpgsqlConnectionStringBuilder(ServerConnection()) { Database = name, Pooling = true }.ToString();
        return new TestDatabase(DatabaseProvider.PostgreSQL, name, new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.PostgreSQL),
            ["ConnectionStrings:Helpdesk"] = connection,
        });
    }

    /// <summary>Another instance's view of this database (several instances on one PostgreSQL): dropped only by its owner.</summary>
    public TestDatabase SharedByAnotherInstance() => new(Provider, null, Settings);

    /// <summary>The server connection string for a database this test made (PostgreSQL), e.g. for a lock of its own.</summary>
    public string? ConnectionString => Settings.TryGetValue("ConnectionStrings:Helpdesk", out var connection) ? connection : null;

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresName is null) return;
        // Only this database's pool: the other tests running in parallel keep theirs.
        await using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        await using var server = new NpgsqlConnection(ServerConnection());
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{_postgresName}" WITH (FORCE)""", server);
        // FORCE may not end a superuser's session on it (autovacuum): wait for that to finish, then leave the database.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 20) return;
                await Task.Delay(250);
            }
        }
    }

    private static string ServerConnection() =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("HELPDESK_TEST_POSTGRES") ?? DefaultServer)
        {
            Database = "postgres",
            Pooling = false,
        }.ToString();
}
