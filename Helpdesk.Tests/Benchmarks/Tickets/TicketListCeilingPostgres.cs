using Helpdesk.Core.Tickets;
using Npgsql;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// PostgreSQL's side of <see cref="TicketListCeiling"/>: a copy of the seeded tickets in a schema of its own (so its
/// indexes cannot help the product) with counts per team and status kept in a table, an index that covers each
/// sort, and a GIN-indexed tsvector of subject and requester for the text.
/// </summary>
public sealed class TicketListCeilingPostgres : IListCeiling
{
    private const string PageColumns = """
        SELECT t.id, t.subject, t.status, t.category, t.impact, p.name, p.email, tm.name, m.name, t.created, t.updated
        FROM ceiling.ticket t JOIN ceiling.person p ON p.id = t.requested_for LEFT JOIN ceiling.team tm ON tm.id = t.team LEFT JOIN ceiling.person m ON m.id = t.member
        """;
    private const string Order = " ORDER BY t.updated DESC, t.id DESC LIMIT 25";
    private const string AllCounts = "SELECT status, SUM(count)::int FROM ceiling.ticket_count GROUP BY status";

    private const string Setup = """
        CREATE SCHEMA ceiling;
        CREATE TABLE ceiling.ticket AS SELECT "Id" AS id, "Subject" AS subject, "Status" AS status, "Category" AS category, "Impact" AS impact,
            "RequestedForId" AS requested_for, "TeamId" AS team, "MemberId" AS member, "CreatedAt" AS created, "UpdatedAt" AS updated FROM "Ticket";
        ALTER TABLE ceiling.ticket ADD PRIMARY KEY (id);
        CREATE TABLE ceiling.person AS SELECT "Id" AS id, "Name" AS name, "PrimaryEmail"::text AS email FROM "Person";
        ALTER TABLE ceiling.person ADD PRIMARY KEY (id);
        CREATE TABLE ceiling.team AS SELECT "Id" AS id, "Name"::text AS name FROM "Team";
        ALTER TABLE ceiling.team ADD PRIMARY KEY (id);
        CREATE TABLE ceiling.ticket_count AS SELECT COALESCE(team, 0) AS team, status, COUNT(*)::int AS count FROM ceiling.ticket GROUP BY 1, 2;
        ALTER TABLE ceiling.ticket_count ADD PRIMARY KEY (team, status);
        CREATE INDEX ON ceiling.ticket (updated DESC, id DESC);
        CREATE INDEX ON ceiling.ticket (status, updated DESC, id DESC);
        CREATE INDEX ON ceiling.ticket (team, updated DESC, id DESC);
        CREATE TABLE ceiling.ticket_text AS SELECT t.id, to_tsvector('simple', t.subject || ' ' || p.name || ' ' || p.email) AS vector
            FROM ceiling.ticket t JOIN ceiling.person p ON p.id = t.requested_for;
        CREATE INDEX ON ceiling.ticket_text USING GIN (vector);
        """;

    private readonly NpgsqlConnection _connection;

    private TicketListCeilingPostgres(NpgsqlConnection connection) => _connection = connection;

    /// <param name="connectionString">The seeded database; the copy goes into its schema "ceiling".</param>
    public static async Task<TicketListCeilingPostgres> PrepareAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await TicketListSeedPostgres.ExecuteAsync(connection, Setup);
        await TicketListSeedPostgres.ExecuteAsync(connection, "VACUUM ANALYZE ceiling.ticket, ceiling.person, ceiling.team, ceiling.ticket_count, ceiling.ticket_text");
        return new TicketListCeilingPostgres(connection);
    }

    public ListAnswer Default() => new(Page(PageColumns + Order), Counts(AllCounts), null);

    public ListAnswer ByStatus(TicketStatus status) => new(Page(PageColumns + " WHERE t.status = $1" + Order, status.ToString()), Counts(AllCounts), status);

    public ListAnswer ByTeam(int teamId) => new(
        Page(PageColumns + " WHERE t.team = $1" + Order, teamId),
        Counts("SELECT status, count FROM ceiling.ticket_count WHERE team = $1 AND count > 0", teamId), null);

    public ListAnswer ByText(string text)
    {
        // The matches as an array (read once, before the tickets) are looked up by primary key; as IN (subquery)
        // PostgreSQL joins them by hash over a scan of every ticket (158 ms at 1 M tickets for 5,000 matches).
        const string Matching = "t.id = ANY(ARRAY(SELECT id FROM ceiling.ticket_text WHERE vector @@ to_tsquery('simple', $1)))";
        var prefix = text.Trim() + ":*";
        return new(
            Page(PageColumns + $" WHERE {Matching}" + Order, prefix),
            Counts($"SELECT t.status, COUNT(*)::int FROM ceiling.ticket t WHERE {Matching} GROUP BY t.status", prefix), null);
    }

    public IReadOnlyDictionary<TicketStatus, int> StatusCounts() => Counts(AllCounts);

    private List<int> Page(string sql, object? parameter = null)
    {
        using var command = Command(sql, parameter);
        using var reader = command.ExecuteReader();
        var ids = new List<int>(TicketListCeiling.PageSize);
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }

    private Dictionary<TicketStatus, int> Counts(string sql, object? parameter = null)
    {
        using var command = Command(sql, parameter);
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<TicketStatus, int>();
        while (reader.Read()) counts[Enum.Parse<TicketStatus>(reader.GetString(0))] = reader.GetInt32(1);
        return counts;
    }

    private NpgsqlCommand Command(string sql, object? parameter)
    {
        var command = new NpgsqlCommand(sql, _connection);
        if (parameter is not null) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return command;
    }

    public void Dispose() => _connection.Dispose();
}
