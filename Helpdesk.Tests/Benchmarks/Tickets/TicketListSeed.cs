using System.Globalization;
using Bogus;
using Helpdesk.Core.Tickets;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// Fills a migrated database with tickets fast: raw batched INSERTs in one transaction, not EF. The same data every
/// run (fixed seeds): 20 teams, up to 20,000 requesters, most tickets closed, one subject in 200 mentions the
/// <see cref="SearchTerm"/>.
/// </summary>
public static class TicketListSeed
{
    public const string SearchTerm = "printer";
    public const int TeamCount = 20;
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
    private static readonly DateTime Start = new(2023, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly (TicketStatus Status, int Weight)[] Statuses =
    [
        (TicketStatus.Closed, 55), (TicketStatus.Completed, 20), (TicketStatus.Assigned, 8), (TicketStatus.Accepted, 4),
        (TicketStatus.InProgress, 8), (TicketStatus.WaitingFor, 2), (TicketStatus.WaitingForCustomer, 2), (TicketStatus.ChangePending, 1),
    ];

    /// <returns>The id of the first of the seeded teams.</returns>
    public static int Fill(string databaseFile, int tickets)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var faker = new Faker("en") { Random = new Randomizer(14) };
        var people = Math.Clamp(tickets / 50, 10, 20_000);
        var firstTeam = NextId(connection, "Team");
        Insert(connection, "INSERT INTO Team (Name) VALUES ($1)", 1, TeamCount, (i, p) => p[0].Value = $"Team {faker.Commerce.Department()} {i}");
        var firstPerson = NextId(connection, "Person");
        Insert(connection, "INSERT INTO Person (Name, PrimaryEmail, Roles, IsActive, CreatedAt) VALUES ($1, $2, 'EndUser', 1, $3)", 3, people, (i, p) =>
        {
            var (first, last) = (faker.Name.FirstName(), faker.Name.LastName());
            (p[0].Value, p[1].Value, p[2].Value) = ($"{first} {last}", $"{first}.{last}.{i}@customer.test".ToLowerInvariant(), Format(Start));
        });
        var subjects = Enumerable.Range(0, 1000).Select(_ => $"{faker.Commerce.ProductName()} {faker.Hacker.IngVerb()} {faker.Hacker.Noun()}").ToList();
        var random = new Random(14);
        var weightSum = Statuses.Sum(s => s.Weight);
        Insert(connection, "INSERT INTO Ticket (Subject, Status, Category, RequestedById, RequestedForId, TeamId, Source, CreatedAt, UpdatedAt, Version, SlaPausedMinutes) " +
            "VALUES ($1, $2, 'Incident', $3, $3, $4, 'email', $5, $6, 0, 0)", 6, tickets, (i, p) =>
        {
            var created = Start.AddMinutes(random.Next(0, 3 * 365 * 24 * 60));
            p[0].Value = i % 200 == 7 ? $"{subjects[random.Next(subjects.Count)]} – {SearchTerm} jammed" : subjects[random.Next(subjects.Count)];
            p[1].Value = Pick(random.Next(weightSum)).ToString();
            p[2].Value = firstPerson + random.Next(people);
            p[3].Value = random.Next(10) == 0 ? DBNull.Value : firstTeam + random.Next(TeamCount);
            (p[4].Value, p[5].Value) = (Format(created), Format(created.AddMinutes(random.Next(0, 60 * 24 * 30))));
        });
        transaction.Commit();
        // Everything into the main file, so that a plain copy of it holds all the tickets.
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        checkpoint.ExecuteNonQuery();
        return (int)firstTeam;
    }

    private static TicketStatus Pick(int roll)
    {
        foreach (var (status, weight) in Statuses)
        {
            if (roll < weight) return status;
            roll -= weight;
        }
        return TicketStatus.Closed;
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
