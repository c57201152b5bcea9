using Npgsql;

namespace Helpdesk.Core.DataMigration;

/// <summary>Streams one table from the SQLite snapshot into PostgreSQL with binary COPY, hashing what it reads.</summary>
public static class TableCopy
{
    public static async Task<TableFigures> CopyAsync(SourceSnapshot source, NpgsqlConnection target, MigratedTable table, CancellationToken ct)
    {
        using var checksum = new TableChecksum();
        var values = new object?[table.Columns.Count];
        var columns = string.Join(", ", table.Columns.Select(c => c.Quoted));
        await using (var reader = await source.ReadAsync(table, ct))
        await using (var writer = await target.BeginBinaryImportAsync($"""COPY "{table.Name}" ({columns}) FROM STDIN (FORMAT BINARY)""", ct))
        {
            while (await reader.ReadAsync(ct))
            {
                await writer.StartRowAsync(ct);
                for (var i = 0; i < values.Length; i++)
                {
                    var kind = table.Columns[i].Kind;
                    values[i] = ColumnKinds.ReadSqlite(reader, i, kind);
                    if (values[i] is null) await writer.WriteNullAsync(ct);
                    else await writer.WriteAsync(values[i], ColumnKinds.PostgresType(kind), ct);
                }
                checksum.AddRow(values, table.Columns);
            }
            await writer.CompleteAsync(ct);
        }
        return new TableFigures(checksum.Rows, checksum.Finish());
    }

    public static async Task<TableFigures> ChecksumTargetAsync(NpgsqlConnection target, MigratedTable table, CancellationToken ct)
    {
        using var checksum = new TableChecksum();
        var values = new object?[table.Columns.Count];
        await using var reader = await TargetDatabase.ReadAsync(target, table, ct);
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < values.Length; i++) values[i] = ColumnKinds.ReadPostgres(reader, i, table.Columns[i].Kind);
            checksum.AddRow(values, table.Columns);
        }
        return new TableFigures(checksum.Rows, checksum.Finish());
    }
}

public sealed record TableFigures(long Rows, string Checksum);
