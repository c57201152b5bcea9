namespace Helpdesk.Core.DataMigration;

/// <param name="SourceSqlite">Connection string of the helpdesk's SQLite database.</param>
/// <param name="TargetPostgres">Connection string of an empty PostgreSQL database (created, not yet used by a console).</param>
/// <param name="SourceBlobFolder">The Folder store whose files are copied when <paramref name="BlobsToDatabase"/> is set.</param>
public sealed record MigrateDataRequest(string SourceSqlite, string TargetPostgres, string SourceBlobFolder, bool BlobsToDatabase);
