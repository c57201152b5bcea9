using Helpdesk.Core.Attachments;
using Helpdesk.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Helpdesk.Core.DataMigration;

/// <summary>
/// migrate-data: copies a SQLite helpdesk into an empty PostgreSQL database (schema by the PostgreSQL migrations,
/// every table of the EF model in foreign-key order, ids kept, sequences moved on), optionally its blob folder into
/// the database, then compares row counts and checksums per table. Writes plain sentences; true when all matched.
/// </summary>
public sealed class MigrateDataCommand(TextWriter output)
{
    public async Task<bool> ExecuteAsync(MigrateDataRequest request, CancellationToken ct = default)
    {
        if (await SourceProblemAsync(request.SourceSqlite, ct) is { } sourceProblem) return Fail(sourceProblem);
        var targetOptions = TargetOptions(request.TargetPostgres);
        await using var target = new HelpdeskDbContext(targetOptions);
        var tables = MigratedTable.InCopyOrder(target.Model);
        await using var connection = new NpgsqlConnection(request.TargetPostgres);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            return Fail($"Could not connect to the PostgreSQL database: {e.Message}");
        }
        if (await TargetDatabase.TablesWithRowsAsync(connection, tables, ct) is { Count: > 0 } notEmpty)
            return Fail($"The PostgreSQL database is not empty: {string.Join(", ", notEmpty)} already hold rows. migrate-data only fills an "
                + "empty database; create a new one (and do not start a console on it before) and run it again.");

        output.WriteLine("Creating the schema (PostgreSQL migrations)…");
        await target.Database.MigrateAsync(ct);
        await connection.ReloadTypesAsync(ct); // the migrations created citext after this connection learnt the types
        var copied = await CopyTablesAsync(request.SourceSqlite, connection, tables, ct);
        var verified = await VerifyAsync(connection, tables, copied, ct);
        var blobsOk = await CopyBlobsAsync(request, targetOptions, ct);
        return verified && blobsOk;
    }

    private async Task<Dictionary<string, TableFigures>> CopyTablesAsync(string source, NpgsqlConnection connection, IReadOnlyList<MigratedTable> tables, CancellationToken ct)
    {
        var figures = new Dictionary<string, TableFigures>();
        await using var snapshot = await SourceSnapshot.OpenAsync(source, ct);
        // One transaction: a failed copy leaves the target as empty as it was, ready for another run.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var table in tables)
        {
            figures[table.Name] = await TableCopy.CopyAsync(snapshot, connection, table, ct);
            output.WriteLine($"Copied {table.Name}: {figures[table.Name].Rows} rows.");
        }
        await TargetDatabase.ResetSequencesAsync(connection, transaction, ct);
        await TargetDatabase.DiscardQueuedStatusCountChangesAsync(connection, transaction, ct);
        await transaction.CommitAsync(ct);
        return figures;
    }

    private async Task<bool> VerifyAsync(NpgsqlConnection connection, IReadOnlyList<MigratedTable> tables, Dictionary<string, TableFigures> source, CancellationToken ct)
    {
        var width = Math.Max(5, tables.Max(t => t.Name.Length));
        output.WriteLine();
        output.WriteLine($"{"Table".PadRight(width)}  {"SQLite rows",12}  {"PostgreSQL rows",15}  Checksum (SHA-256, first 16)");
        var mismatched = new List<string>();
        foreach (var table in tables)
        {
            var copied = source[table.Name];
            var found = await TableCopy.ChecksumTargetAsync(connection, table, ct);
            var same = copied == found;
            if (!same) mismatched.Add(table.Name);
            output.WriteLine($"{table.Name.PadRight(width)}  {copied.Rows,12}  {found.Rows,15}  "
                + (same ? $"same {found.Checksum[..16]}" : $"DIFFERENT: SQLite {copied.Checksum[..16]}, PostgreSQL {found.Checksum[..16]}"));
        }
        output.WriteLine();
        if (mismatched.Count > 0)
            return Fail($"Verification failed: {string.Join(", ", mismatched)} differ between SQLite and PostgreSQL. Do not switch to this database.");
        output.WriteLine($"All {tables.Count} tables copied and verified: {source.Values.Sum(f => f.Rows)} rows, counts and checksums equal.");
        return true;
    }

    private async Task<bool> CopyBlobsAsync(MigrateDataRequest request, DbContextOptions<HelpdeskDbContext> target, CancellationToken ct)
    {
        if (!request.BlobsToDatabase)
        {
            output.WriteLine($"Attachments and raw mail stay in {request.SourceBlobFolder}: give the PostgreSQL console that folder "
                + "(Blobs:Folder, or the same data folder), or run again with --blobs-to-database on a new database.");
            return true;
        }
        var (copied, bad) = await BlobCopy.CopyAsync(new FolderBlobContent(request.SourceBlobFolder),
            new DatabaseBlobContent(new PooledDbContextFactory<HelpdeskDbContext>(target), Path.GetTempPath()), ct);
        if (bad.Count > 0)
            return Fail($"{bad.Count} of {copied} files from {request.SourceBlobFolder} did not read back with their own SHA-256 "
                + $"(first: {bad[0]}); the file in the folder may be damaged.");
        output.WriteLine($"Copied {copied} files from {request.SourceBlobFolder} into the database and read each back: all match. "
            + "Set Blobs:Store=Database on the PostgreSQL console.");
        return true;
    }

    private static async Task<string?> SourceProblemAsync(string source, CancellationToken ct)
    {
        var file = new SqliteConnectionStringBuilder(source).DataSource;
        if (!File.Exists(file)) return $"There is no SQLite database at {Path.GetFullPath(file)}.";
        await using var db = new HelpdeskDbContext(new DbContextOptionsBuilder<HelpdeskDbContext>().UseSqlite(source)
            .ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>().Options);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        return pending == 0 ? null
            : $"The SQLite database lacks {pending} migration(s) of this version: start this version of the console on it once, stop it, and run migrate-data again.";
    }

    private static DbContextOptions<HelpdeskDbContext> TargetOptions(string connectionString) =>
        new DbContextOptionsBuilder<HelpdeskDbContext>().UseNpgsql(connectionString)
            .ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>().Options;

    private bool Fail(string message)
    {
        output.WriteLine(message);
        return false;
    }
}
