using System.Text.RegularExpressions;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>What SQLite plans for the list's statements (EXPLAIN QUERY PLAN): an index walk in the list's order, no scan.</summary>
public sealed class ListQueryPlanTests
{
    public static TheoryData<string> Requests => ["default", "status", "open statuses", "team", "open statuses of a team"];

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task ExecuteAsync_SeededTickets_NoStatementScansTicketsOrSortsThem(string name)
    {
        await using var host = await CoreTestHost.StartAsync();
        var database = Path.Combine(host.DataFolder, "helpdesk.db");
        var team = TicketListSeed.Fill(database, 2000);
        var request = name switch
        {
            "status" => new TicketListRequest { Statuses = [TicketStatus.InProgress] },
            "open statuses" => new TicketListRequest { Statuses = TicketListFilter.Open },
            "team" => new TicketListRequest { TeamId = team },
            "open statuses of a team" => new TicketListRequest { TeamId = team, Statuses = TicketListFilter.Open },
            _ => new TicketListRequest(),
        };

        var commands = await EfCommands.RecordAsync(() => host.Get<TicketListQuery>().ExecuteAsync(request, Actor.System));

        Assert.True(commands.Count == 2, $"{commands.Count} statements:\n{string.Join("\n", commands.Select(c => c.Sql))}");
        Assert.Single(commands, c => c.Sql.Contains("FROM \"TicketStatusCount\"", StringComparison.Ordinal)); // the counts; the other is the page
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        foreach (var (sql, parameters, _) in commands.Where(c => c.Sql.Contains("FROM \"Ticket\"", StringComparison.Ordinal)))
        {
            var plan = Explain(connection, sql, parameters);
            // "SCAN t USING INDEX …" walks an index in the list's order and stops at the page's LIMIT; a bare SCAN reads every ticket.
            Assert.DoesNotContain(plan, line => Regex.IsMatch(line.Detail, @"^SCAN (t|Ticket)\b(?!.*USING)"));
            // The page's ids come from a subquery that must not sort; the statement around it sorts only the page's rows, read by id.
            Assert.DoesNotContain(plan, line => line.Parent != 0 && line.Detail.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
            if (plan.Any(line => line.Detail.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal)))
                Assert.Contains(plan, line => line.Parent == 0 && Regex.IsMatch(line.Detail, @"^SEARCH (t|Ticket) USING INTEGER PRIMARY KEY"));
        }
    }

    private static List<(long Parent, string Detail)> Explain(SqliteConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (parameterName, value) in parameters) command.Parameters.AddWithValue(parameterName, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var lines = new List<(long, string)>();
        while (reader.Read()) lines.Add((reader.GetInt64(1), reader.GetString(3)));
        return lines;
    }
}
