using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Helpdesk.Core.DataMigration;

public enum ColumnKind
{
    Int16,
    Int32,
    Int64,
    Boolean,
    Double,
    Text,
    Citext,
    TimestampUtc,
    Interval,
    Bytea,
    Jsonb,
    TextArray,
    IntegerArray,
    Uuid,
}

/// <summary>
/// How each kind of column is read from SQLite, written to and read from PostgreSQL. Values are brought to the
/// precision PostgreSQL keeps (times to the microsecond) before they are written or hashed, on both sides alike.
/// </summary>
public static class ColumnKinds
{
    public static ColumnKind? Of(string postgresStoreType) => postgresStoreType switch
    {
        "smallint" => ColumnKind.Int16,
        "integer" => ColumnKind.Int32,
        "bigint" => ColumnKind.Int64,
        "boolean" => ColumnKind.Boolean,
        "double precision" => ColumnKind.Double,
        "text" => ColumnKind.Text,
        _ when postgresStoreType.StartsWith("character varying", StringComparison.Ordinal) => ColumnKind.Text,
        "citext" => ColumnKind.Citext,
        "timestamp with time zone" => ColumnKind.TimestampUtc,
        "interval" => ColumnKind.Interval,
        "bytea" => ColumnKind.Bytea,
        "jsonb" => ColumnKind.Jsonb,
        "text[]" => ColumnKind.TextArray,
        "integer[]" => ColumnKind.IntegerArray,
        "uuid" => ColumnKind.Uuid,
        _ => null,
    };

    public static object? ReadSqlite(SqliteDataReader reader, int i, ColumnKind kind) => reader.IsDBNull(i) ? null : kind switch
    {
        ColumnKind.TimestampUtc => ToMicroseconds(DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc)),
        ColumnKind.Interval => TimeSpan.FromTicks(reader.GetFieldValue<TimeSpan>(i).Ticks / 10 * 10),
        // EF keeps primitive collections as JSON arrays on SQLite and as arrays on PostgreSQL.
        ColumnKind.TextArray => JsonSerializer.Deserialize<string[]>(reader.GetString(i)),
        ColumnKind.IntegerArray => JsonSerializer.Deserialize<int[]>(reader.GetString(i)),
        _ => ReadAlike(reader, i, kind),
    };

    public static object? ReadPostgres(NpgsqlDataReader reader, int i, ColumnKind kind) => reader.IsDBNull(i) ? null : kind switch
    {
        ColumnKind.TimestampUtc => reader.GetFieldValue<DateTime>(i),
        ColumnKind.Interval => reader.GetFieldValue<TimeSpan>(i),
        ColumnKind.TextArray => reader.GetFieldValue<string[]>(i),
        ColumnKind.IntegerArray => reader.GetFieldValue<int[]>(i),
        _ => ReadAlike(reader, i, kind),
    };

    // The kinds both providers store and read the same way.
    private static object ReadAlike(DbDataReader reader, int i, ColumnKind kind) => kind switch
    {
        ColumnKind.Int16 => reader.GetInt16(i),
        ColumnKind.Int32 => reader.GetInt32(i),
        ColumnKind.Int64 => reader.GetInt64(i),
        ColumnKind.Boolean => reader.GetBoolean(i),
        ColumnKind.Double => reader.GetDouble(i),
        ColumnKind.Text or ColumnKind.Citext or ColumnKind.Jsonb => reader.GetString(i),
        ColumnKind.Bytea => reader.GetFieldValue<byte[]>(i),
        ColumnKind.Uuid => reader.GetGuid(i),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static NpgsqlDbType PostgresType(ColumnKind kind) => kind switch
    {
        ColumnKind.Int16 => NpgsqlDbType.Smallint,
        ColumnKind.Int32 => NpgsqlDbType.Integer,
        ColumnKind.Int64 => NpgsqlDbType.Bigint,
        ColumnKind.Boolean => NpgsqlDbType.Boolean,
        ColumnKind.Double => NpgsqlDbType.Double,
        ColumnKind.Text => NpgsqlDbType.Text,
        ColumnKind.Citext => NpgsqlDbType.Citext,
        ColumnKind.TimestampUtc => NpgsqlDbType.TimestampTz,
        ColumnKind.Interval => NpgsqlDbType.Interval,
        ColumnKind.Bytea => NpgsqlDbType.Bytea,
        ColumnKind.Jsonb => NpgsqlDbType.Jsonb,
        ColumnKind.TextArray => NpgsqlDbType.Array | NpgsqlDbType.Text,
        ColumnKind.IntegerArray => NpgsqlDbType.Array | NpgsqlDbType.Integer,
        ColumnKind.Uuid => NpgsqlDbType.Uuid,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static DateTime ToMicroseconds(DateTime value) => new(value.Ticks / 10 * 10, DateTimeKind.Utc);
}
