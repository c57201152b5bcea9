using System.Text.RegularExpressions;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Benchmarks.Tickets;
using Helpdesk.Tests.TestSupport;
using Npgsql;

namespace Helpdesk.Tests.Core.Tickets.Queries;

/// <summary>
/// What PostgreSQL plans for a text search's statements (EXPLAIN) when the matches are most of the tickets and more than
/// its working memory holds: the matches are found in the ticket rows themselves (their words), not sent back as ids,
/// and no statement may check each ticket against a subquery it reads again for every ticket.
/// </summary>
public sealed class TicketListSearchPostgresPlanTests
{
    /// <param name="statementsReadingTheMatches">
    /// One where the counts and the page come from one read of the matches (<see cref="MatchedTicketsPage"/>), two where
    /// the database counts them and sorts them (a sort by text).
    /// </param>
    [Theory]
    [InlineData(TicketSortField.UpdatedAt, 1)]
    [InlineData(TicketSortField.Subject, 2)]
    public async Task ExecuteAsync_WordOfEveryTicketBeyondWorkMem_TicketRowsMatchInPlaceAndNoStatementRereadsThemPerTicket(TicketSortField sort,
        int statementsReadingTheMatches)
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.PostgreSQL);
        var connectionString = host.DatabaseSettings["ConnectionStrings:Helpdesk"]!;
        await TicketListSeedPostgres.FillAsync(connectionString, 3000);
        // Every requester's address is at customer.test: every ticket matches.
        var request = new TicketListRequest { Text = "customer", Sort = sort };

        TicketListResult? result = null;
        var commands = await EfCommands.RecordAsync(async () => result = await host.Get<TicketListQuery>().ExecuteAsync(request, Actor.System));

        Assert.Equal(3000, result!.TotalCount);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var small = new NpgsqlCommand("SET work_mem = '64kB'; SET hash_mem_multiplier = 1", connection)) await small.ExecuteNonQueryAsync();
        var onTickets = commands.Where(c => c.Sql.Contains("FROM \"Ticket\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(statementsReadingTheMatches, onTickets.Count(c => c.Sql.Contains("\"Words\" @@", StringComparison.Ordinal)));
        // Matches in the ticket rows' words stay in the database: only the page's ids go back to it, never a common
        // word's matches as a parameter each (PostgreSQL takes at most 65,535) or as an array.
        Assert.All(onTickets, c => Assert.DoesNotContain(c.Parameters, p => p.Value is int[] { Length: > 25 }));
        foreach (var (sql, parameters, _) in onTickets)
        {
            var plan = await ExplainAsync(connection, sql, parameters);
            // "(SubPlan 1)" in a filter runs the subquery for each row; "(hashed SubPlan 1)" reads it once into a hash table.
            Assert.DoesNotContain(plan, line => line.Contains("Filter:", StringComparison.Ordinal) && Regex.IsMatch(line, @"(?<!hashed )SubPlan \d"));
        }
    }

    private static async Task<List<string>> ExplainAsync(NpgsqlConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines;
    }
}
