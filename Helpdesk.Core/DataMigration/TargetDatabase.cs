using Npgsql;

namespace Helpdesk.Core.DataMigration;

/// <summary>The PostgreSQL side of migrate-data: emptiness check, ordered reads, identity sequences.</summary>
public static class TargetDatabase
{
    /// <summary>The model's tables that already exist in the target and hold at least one row.</summary>
    public static async Task<IReadOnlyList<string>> TablesWithRowsAsync(NpgsqlConnection connection, IEnumerable<MigratedTable> tables, CancellationToken ct)
    {
        var withRows = new List<string>();
        foreach (var table in tables)
        {
            await using var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection);
            exists.Parameters.AddWithValue("name", $"\"{table.Name}\"");
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!) continue;
            await using var any = new NpgsqlCommand($"""SELECT EXISTS (SELECT 1 FROM "{table.Name}")""", connection);
            if ((bool)(await any.ExecuteScalarAsync(ct))!) withRows.Add(table.Name);
        }
        return withRows;
    }

    public static async Task<NpgsqlDataReader> ReadAsync(NpgsqlConnection connection, MigratedTable table, CancellationToken ct)
    {
        // Byte order, as SQLite's BINARY collation sorts: both checksums then see the rows in one order.
        var order = table.Key.Select(k => k.Kind switch
        {
            ColumnKind.Text => $"{k.Quoted} COLLATE \"C\"",
            ColumnKind.Citext => $"{k.Quoted}::text COLLATE \"C\"",
            _ => k.Quoted,
        });
        var command = new NpgsqlCommand(
            $"""SELECT {string.Join(", ", table.Columns.Select(c => c.Quoted))} FROM "{table.Name}" ORDER BY {string.Join(", ", order)}""", connection);
        return await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
    }

    /// <summary>Moves every identity sequence past the copied ids, so the next row PostgreSQL numbers does not collide.</summary>
    public static async Task ResetSequencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var columns = new List<(string Table, string Column)>();
        await using (var find = new NpgsqlCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')
            """, connection, transaction))
        await using (var reader = await find.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) columns.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (table, column) in columns)
        {
            await using var reset = new NpgsqlCommand(
                $"""SELECT setval(pg_get_serial_sequence(@table, @column), coalesce((SELECT max("{column}") FROM "{table}"), 0) + 1, false)""",
                connection, transaction);
            reset.Parameters.AddWithValue("table", $"\"{table}\"");
            reset.Parameters.AddWithValue("column", column);
            await reset.ExecuteScalarAsync(ct);
        }
    }

    /// <summary>
    /// Drops the changes to the counts per status that the copied tickets queued (migration TicketStatusCountTriggers):
    /// the copied "TicketStatusCount" already holds them, and applied at commit they would count every ticket twice.
    /// </summary>
    public static async Task DiscardQueuedStatusCountChangesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var discard = new NpgsqlCommand("""DELETE FROM "TicketStatusCountChange" """, connection, transaction);
        await discard.ExecuteNonQueryAsync(ct);
    }
}
