using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Helpdesk.Tests.Core.Persistence;

public sealed class PreparedStatementsTests
{
    [Fact]
    public void WithPreparedStatements_ConnectionStringWithoutTheSetting_PreparesTheMostUsedStatements()
    {
        var connection = DatabaseProviderSelection.WithPreparedStatements("Host=db;Database=helpdesk;Username=helpdesk;Password=secret");

        var built = new NpgsqlConnectionStringBuilder(connection);
        Assert.Equal(DatabaseProviderSelection.AutoPreparedStatements, built.MaxAutoPrepare);
        Assert.Equal(("db", "helpdesk", "helpdesk", "secret"), (built.Host, built.Database, built.Username, built.Password));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;max auto prepare=7", 7)]
    [InlineData("Host=db;MaxAutoPrepare=0", 0)]
    public void WithPreparedStatements_OperatorChoseTheSetting_KeepsTheirs(string given, int expected)
    {
        var connection = DatabaseProviderSelection.WithPreparedStatements(given);

        Assert.Equal(given, connection);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(connection).MaxAutoPrepare);
    }

    [Fact]
    public async Task Query_RunRepeatedlyOnPostgres_IsPreparedOnTheConnection()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.PostgreSQL);
        await using var db = await host.DbAsync();
        await db.Database.OpenConnectionAsync();

        for (var i = 0; i < 6; i++) await db.Set<Ticket>().AsNoTracking().Where(t => t.Id > i).OrderBy(t => t.Id).Take(5).ToListAsync();

        var prepared = await db.Database.SqlQuery<string>($"""SELECT statement AS "Value" FROM pg_prepared_statements""").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("FROM \"Ticket\"", StringComparison.Ordinal));
    }
}
