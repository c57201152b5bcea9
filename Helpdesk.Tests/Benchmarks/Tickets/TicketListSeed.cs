using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// Fills a migrated SQLite database with the <see cref="TicketListData"/> tickets fast: raw batched INSERTs in one
/// transaction, not EF.
/// </summary>
public static class TicketListSeed
{
    public const string SearchTerm = TicketListData.SearchTerm;
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    /// <returns>The id of the first of the seeded teams.</returns>
    public static int Fill(string databaseFile, int tickets)
    {
        var data = TicketListData.Generate(tickets);
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var firstTeam = NextId(connection, "Team");
        Insert(connection, "INSERT INTO Team (Name) VALUES ($1)", 1, data.Teams.Count, (i, p) => p[0].Value = data.Teams[i]);
        var firstPerson = NextId(connection, "Person");
        Insert(connection, "INSERT INTO Person (Name, PrimaryEmail, Roles, IsActive, CreatedAt) VALUES ($1, $2, 'EndUser', 1, $3)", 3, data.People.Count, (i, p) =>
            (p[0].Value, p[1].Value, p[2].Value) = (data.People[i].Name, data.People[i].Email, Format(TicketListData.Start)));
        Insert(connection, "INSERT INTO Ticket (Subject, Status, Category, RequestedById, RequestedForId, TeamId, Source, CreatedAt, UpdatedAt, Version, SlaPausedMinutes) " +
            "VALUES ($1, $2, 'Incident', $3, $3, $4, 'email', $5, $6, 0, 0)", 6, data.Tickets.Count, (i, p) =>
        {
            var ticket = data.Tickets[i];
            (p[0].Value, p[1].Value, p[2].Value) = (ticket.Subject, ticket.Status.ToString(), firstPerson + ticket.Person);
            p[3].Value = ticket.Team is { } team ? firstTeam + team : DBNull.Value;
            (p[4].Value, p[5].Value) = (Format(ticket.CreatedAt), Format(ticket.UpdatedAt));
        });
        transaction.Commit();
        // Everything into the main file, so that a plain copy of it holds all the tickets.
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        checkpoint.ExecuteNonQuery();
        return (int)firstTeam;
    }

    /// <returns>The id of the first seeded team when <paramref name="databaseFile"/> holds the seeded tickets already (a cached copy), else null.</returns>
    public static int? FirstTeam(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(Id) FROM Team WHERE Name = $1";
        command.Parameters.AddWithValue("$1", TicketListData.Generate(0).Teams[0]);
        return command.ExecuteScalar() is long id ? (int)id : null;
    }

    private static void Insert(SqliteConnection connection, string sql, int parameterCount, int rows, Action<int, SqliteParameter[]> fill)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameters = Enumerable.Range(1, parameterCount).Select(n => command.Parameters.Add(new SqliteParameter("$" + n, null))).ToArray();
        command.Prepare();
        for (var i = 0; i < rows; i++)
        {
            fill(i, parameters);
            command.ExecuteNonQuery();
        }
    }

    private static long NextId(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(Id), 0) + 1 FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static string Format(DateTime utc) => utc.ToString(DateFormat, CultureInfo.InvariantCulture);
}
