using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// The best raw SQLite SQL for what the ticket list returns (a page, its total and the counts per status), on a copy of the
/// seeded database that alone gets what that SQL needs: counts per team and status kept in a table, indexes that
/// cover each sort, and an FTS5 (trigram) table for the text.
/// </summary>
public sealed class TicketListCeiling : IListCeiling
{
    public const int PageSize = 25;

    private const string PageColumns = """
        SELECT t.Id, t.Subject, t.Status, t.Category, t.Impact, p.Name, p.PrimaryEmail, tm.Name, m.Name, t.CreatedAt, t.UpdatedAt
        FROM Ticket t JOIN Person p ON p.Id = t.RequestedForId LEFT JOIN Team tm ON tm.Id = t.TeamId LEFT JOIN Person m ON m.Id = t.MemberId
        """;
    private const string Order = " ORDER BY t.UpdatedAt DESC, t.Id DESC LIMIT 25";

    private static readonly string[] Setup =
    [
        "CREATE TABLE TicketCount (TeamId INTEGER, Status TEXT NOT NULL, Count INTEGER NOT NULL)",
        "INSERT INTO TicketCount SELECT TeamId, Status, COUNT(*) FROM Ticket GROUP BY TeamId, Status",
        "CREATE INDEX IX_TicketCount_TeamId ON TicketCount (TeamId, Status)",
        "CREATE INDEX IX_Ceiling_Updated ON Ticket (UpdatedAt DESC, Id DESC)",
        "CREATE INDEX IX_Ceiling_Status_Updated ON Ticket (Status, UpdatedAt DESC, Id DESC)",
        "CREATE INDEX IX_Ceiling_Team_Updated ON Ticket (TeamId, UpdatedAt DESC, Id DESC)",
        "CREATE VIRTUAL TABLE TicketText USING fts5(Subject, RequesterName, RequesterEmail, tokenize = 'trigram')",
        "INSERT INTO TicketText (rowid, Subject, RequesterName, RequesterEmail) SELECT t.Id, t.Subject, p.Name, p.PrimaryEmail FROM Ticket t JOIN Person p ON p.Id = t.RequestedForId",
        "ANALYZE",
        "PRAGMA wal_checkpoint(TRUNCATE)",
    ];

    /// <summary>The setup SQL, so that a cached ceiling database is made again when it changes.</summary>
    public static string SetupSql => string.Join(";\n", Setup);

    private readonly SqliteConnection _connection;

    private TicketListCeiling(SqliteConnection connection) => _connection = connection;

    public static TicketListCeiling Prepare(string seededDatabase, string copy)
    {
        File.Copy(seededDatabase, copy, overwrite: true);
        var connection = Connect(copy);
        foreach (var sql in Setup) Execute(connection, sql);
        return new TicketListCeiling(connection);
    }

    /// <summary>The ceiling on a copy <see cref="Prepare"/> made earlier (a cached one).</summary>
    public static TicketListCeiling Open(string preparedCopy)
    {
        return new TicketListCeiling(Connect(preparedCopy));
    }

    // Read through the same memory map as the product's connections (SqliteConnectionSetup): a bare-library setting too.
    private static SqliteConnection Connect(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        Execute(connection, $"PRAGMA mmap_size = {SqliteConnectionSetup.DefaultMemoryMapBytes}");
        return connection;
    }

    public ListAnswer Default() => new(Page(PageColumns + Order), Counts("SELECT Status, SUM(Count) FROM TicketCount GROUP BY Status"), null);

    public ListAnswer ByStatus(TicketStatus status) => new(
        Page(PageColumns + " WHERE t.Status = $1" + Order, status.ToString()),
        Counts("SELECT Status, SUM(Count) FROM TicketCount GROUP BY Status"), status);

    public ListAnswer ByTeam(int teamId) => new(
        Page(PageColumns + " WHERE t.TeamId = $1" + Order, teamId),
        Counts("SELECT Status, Count FROM TicketCount WHERE TeamId = $1", teamId), null);

    public ListAnswer ByText(string text)
    {
        var match = "\"" + text.Replace("\"", "\"\"") + "\"";
        return new(
            Page(PageColumns + " WHERE t.Id IN (SELECT rowid FROM TicketText WHERE TicketText MATCH $1)" + Order, match),
            Counts("SELECT t.Status, COUNT(*) FROM TicketText x JOIN Ticket t ON t.Id = x.rowid WHERE TicketText MATCH $1 GROUP BY t.Status", match), null);
    }

    public IReadOnlyDictionary<TicketStatus, int> StatusCounts() => Counts("SELECT Status, SUM(Count) FROM TicketCount GROUP BY Status");

    private List<int> Page(string sql, object? parameter = null)
    {
        using var command = Command(sql, parameter);
        using var reader = command.ExecuteReader();
        var ids = new List<int>(PageSize);
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

    private SqliteCommand Command(string sql, object? parameter)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is not null) command.Parameters.AddWithValue("$1", parameter);
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}

/// <summary>What the list shows: the page's ticket ids, the counts per status and the total of the listed statuses.</summary>
public sealed record ListAnswer(IReadOnlyList<int> PageIds, IReadOnlyDictionary<TicketStatus, int> Counts, TicketStatus? Status)
{
    public int Total => Status is { } status ? Counts.GetValueOrDefault(status) : Counts.Values.Sum();
}
