using Helpdesk.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;

namespace Helpdesk.Core.Persistence;

/// <summary>Configuration <c>Database:Provider</c>; the connection is <c>ConnectionStrings:Helpdesk</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>The default: helpdesk.db in the data folder unless ConnectionStrings:Helpdesk says otherwise.</summary>
    Sqlite,
    PostgreSQL,
}

/// <summary>The one place that knows which EF provider the app runs on.</summary>
public static class DatabaseProviderSelection
{
    // Looked up by name rather than referenced: scripts/compiled-model.sh deletes the folder and builds without it.
    private static readonly Lazy<IModel?> SqliteCompiledModel = new(() =>
        typeof(HelpdeskDbContext).Assembly.GetType("Helpdesk.Core.Persistence.CompiledModel.HelpdeskDbContextModel")
            ?.GetProperty("Instance")?.GetValue(null) as IModel);

    /// <exception cref="InvalidOperationException">Database:Provider names neither provider.</exception>
    public static DatabaseProvider From(IConfiguration configuration)
    {
        if (configuration["Database:Provider"] is not { Length: > 0 } name) return DatabaseProvider.Sqlite;
        // By name only: Enum.Parse would also take "7" or "0, 1".
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
            if (provider.ToString().Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)) return provider;
        throw new InvalidOperationException($"Database:Provider must be {string.Join(" or ", Enum.GetNames<DatabaseProvider>())}; it is \"{name}\".");
    }

    public static DbContextOptionsBuilder UseConfiguredProvider(this DbContextOptionsBuilder options, IConfiguration configuration, DataFolder dataFolder)
    {
        var connection = configuration.GetConnectionString("Helpdesk");
        switch (From(configuration))
        {
            case DatabaseProvider.PostgreSQL:
                // No compiled model: the committed one is SQLite's (type mappings are provider-specific); the model is built at start.
                options.UseNpgsql(PostgreSqlConnection(connection));
                break;
            default:
                options.UseSqlite(connection ?? new SqliteConnectionStringBuilder
                    {
                        DataSource = dataFolder.Combine("helpdesk.db"),
                        Pooling = true,
                        DefaultTimeout = 30,
                    }.ToString())
                    // SQLite table rebuilds in generated migrations switch foreign keys off outside the transaction; that is
                    // EF's own pattern for SQLite, not something an operator can act on.
                    .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning))
                    .AddInterceptors(SqliteConnectionSetup.FromSetting(configuration[SqliteConnectionSetup.MemoryMapSetting]))
                    .ReplaceService<IExceptionDetector, SqliteInterruptDetector>();
                if (SqliteCompiledModel.Value is { } compiledModel) options.UseModel(compiledModel);
                break;
        }
        return options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }

    private static string PostgreSqlConnection(string? connection)
    {
        if (string.IsNullOrWhiteSpace(connection)) throw new InvalidOperationException("Database:Provider PostgreSQL needs ConnectionStrings:Helpdesk.");
        try
        {
            return WithPreparedStatements(connection);
        }
        catch (ArgumentException e)
        {
            // The message names the key or position that is wrong, never a value (the password stays out of it).
            throw new InvalidOperationException($"ConnectionStrings:Helpdesk is not a PostgreSQL connection string: {e.Message}");
        }
    }

    /// <summary>How many statements each connection keeps prepared (its most used ones), unless the connection string says otherwise.</summary>
    public const int AutoPreparedStatements = 100;

    /// <summary>
    /// PostgreSQL plans a statement again at every execution unless it is prepared, and EF prepares none: planning the
    /// ticket list's page took 1 ms of its 1.5 ms. Npgsql prepares each connection's most used statements (up to
    /// "Max Auto Prepare" of them) once they have run a few times. Behind a pooler that cannot keep prepared statements
    /// (PgBouncer in transaction mode before 1.21) the operator sets "Max Auto Prepare=0".
    /// </summary>
    public static string WithPreparedStatements(string connection)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare")) return connection;
        return new Npgsql.NpgsqlConnectionStringBuilder(connection) { MaxAutoPrepare = AutoPreparedStatements }.ConnectionString;
    }
}
