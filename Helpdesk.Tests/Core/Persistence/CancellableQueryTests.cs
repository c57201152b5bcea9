using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Helpdesk.Tests.Core.Persistence;

public sealed class CancellableQueryTests
{
    // Counts to two hundred million one row at a time: half a minute or more unless it is stopped.
    private const string EndlessCount = """
        WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000000) SELECT count(*) AS "Value" FROM n
        """;

    [Fact]
    public async Task RunAsync_CancelledWhileAStatementRuns_StopsItWithoutADatabaseAlert()
    {
        await using var host = await CoreTestHost.StartAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await using var db = await host.DbAsync();

        var running = CancellableQuery.RunAsync(db, () => db.Database.SqlQueryRaw<long>(EndlessCount).SingleAsync(cancel.Token), cancel.Token);

        // Stopped by the database, not by EF checking the token once the statement has run to its end.
        var stopped = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.True(stopped.InnerException is SqliteException { SqliteErrorCode: 9 } or PostgresException { SqlState: PostgresErrorCodes.QueryCanceled },
            $"not interrupted: {stopped.InnerException?.GetType().Name ?? "no inner exception"}");
        await using var next = await host.DbAsync();
        Assert.Equal(1, await next.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync());
        Assert.False(await host.Get<DatabaseErrorAlerts>().LastAlert, "the cancelled statement was alerted as a database error");
    }

    [Fact]
    public async Task RunAsync_NotCancelled_ReturnsTheResultAndLeavesTheConnectionUsable()
    {
        await using var host = await CoreTestHost.StartAsync();
        using var cancel = new CancellationTokenSource();
        await using var db = await host.DbAsync();

        var counted = await CancellableQuery.RunAsync(db,
            () => db.Database.SqlQueryRaw<long>("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000) SELECT count(*) AS \"Value\" FROM n").SingleAsync(cancel.Token),
            cancel.Token);
        cancel.Cancel(); // after the run: nothing of it may reach the pooled connection's next user

        Assert.Equal(1000, counted);
        await using var next = await host.DbAsync();
        Assert.Equal(1, await next.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync());
    }
}
