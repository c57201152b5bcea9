using Microsoft.Data.Sqlite;

namespace Helpdesk.Core.DataMigration;

/// <summary>
/// One read transaction on the SQLite database: every table is read from the same moment, even while a console still
/// writes (WAL keeps the snapshot).
/// </summary>
public sealed class SourceSnapshot : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private SourceSnapshot(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<SourceSnapshot> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var transaction = connection.BeginTransaction(deferred: true);
        return new SourceSnapshot(connection, transaction);
    }

    public async Task<SqliteDataReader> ReadAsync(MigratedTable table, CancellationToken ct)
    {
        // Not disposed here: that would close the reader; the connection frees its statements when the snapshot ends.
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var order = table.Key.Select(k => k.Kind is ColumnKind.Text or ColumnKind.Citext ? $"{k.Quoted} COLLATE BINARY" : k.Quoted);
        command.CommandText = $"""SELECT {string.Join(", ", table.Columns.Select(c => c.Quoted))} FROM "{table.Name}" ORDER BY {string.Join(", ", order)}""";
        return await command.ExecuteReaderAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
