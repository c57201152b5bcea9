using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// Tells EF that a SQLite statement interrupted because its caller cancelled it (<see cref="CancellableQuery"/>) was
/// cancelled, not failed: EF then logs it as cancelled and calls the interceptors' CommandCanceled, so a search the agent
/// typed past is neither an error in the log nor a database-error alert to the administrator. EF's own detector only
/// knows <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class SqliteInterruptDetector : IExceptionDetector
{
    public bool IsCancellation(Exception exception, CancellationToken cancellationToken = default) =>
        exception is OperationCanceledException || IsInterruptBy(exception, cancellationToken);

    /// <summary>The statement ended with SQLITE_INTERRUPT because <paramref name="cancellationToken"/> was cancelled.</summary>
    public static bool IsInterruptBy(Exception exception, CancellationToken cancellationToken) =>
        exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_INTERRUPT } && cancellationToken.IsCancellationRequested;
}
