using Microsoft.Data.Sqlite;
using Npgsql;

namespace Helpdesk.Core.Persistence;

/// <summary>Whether a database error is a unique or primary-key violation, on either provider.</summary>
public static class UniqueViolation
{
    // SQLITE_CONSTRAINT with its extended codes SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE.
    private const int SqliteConstraint = 19, SqliteConstraintPrimaryKey = 1555, SqliteConstraintUnique = 2067;

    public static bool Is(Exception? error) => error switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite =>
            sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
