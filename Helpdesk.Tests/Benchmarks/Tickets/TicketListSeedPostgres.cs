using Npgsql;
using NpgsqlTypes;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// Fills a migrated PostgreSQL database with the <see cref="TicketListData"/> tickets fast: binary COPY in one
/// transaction with ids chosen here (identity sequences moved on after), then ANALYZE, as autovacuum would soon do.
/// </summary>
public static class TicketListSeedPostgres
{
    /// <returns>The id of the first of the seeded teams.</returns>
    public static async Task<int> FillAsync(string connectionString, int tickets)
    {
        var data = TicketListData.Generate(tickets);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var firstTeam = await NextIdAsync(connection, "Team");
            var firstPerson = await NextIdAsync(connection, "Person");
            await CopyAsync(connection, """COPY "Team" ("Id", "Name") FROM STDIN (FORMAT BINARY)""", data.Teams, async (writer, name, i) =>
            {
                await writer.WriteAsync(firstTeam + i, NpgsqlDbType.Integer);
                await writer.WriteAsync(name, NpgsqlDbType.Text);
            });
            await CopyAsync(connection, """COPY "Person" ("Id", "Name", "PrimaryEmail", "Roles", "IsActive", "CreatedAt") FROM STDIN (FORMAT BINARY)""", data.People, async (writer, person, i) =>
            {
                await writer.WriteAsync(firstPerson + i, NpgsqlDbType.Integer);
                await writer.WriteAsync(person.Name, NpgsqlDbType.Text);
                await writer.WriteAsync(person.Email, NpgsqlDbType.Text);
                await writer.WriteAsync("EndUser", NpgsqlDbType.Text);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync(TicketListData.Start, NpgsqlDbType.TimestampTz);
            });
            await CopyAsync(connection, """
                COPY "Ticket" ("Subject", "Status", "Category", "RequestedById", "RequestedForId", "TeamId", "Source", "CreatedAt", "UpdatedAt", "Version", "SlaPausedMinutes")
                FROM STDIN (FORMAT BINARY)
                """, data.Tickets, async (writer, ticket, _) =>
            {
                await writer.WriteAsync(ticket.Subject, NpgsqlDbType.Text);
                await writer.WriteAsync(ticket.Status.ToString(), NpgsqlDbType.Text);
                await writer.WriteAsync("Incident", NpgsqlDbType.Text);
                await writer.WriteAsync(firstPerson + ticket.Person, NpgsqlDbType.Integer);
                await writer.WriteAsync(firstPerson + ticket.Person, NpgsqlDbType.Integer);
                if (ticket.Team is { } team) await writer.WriteAsync(firstTeam + team, NpgsqlDbType.Integer);
                else await writer.WriteNullAsync();
                await writer.WriteAsync("email", NpgsqlDbType.Text);
                await writer.WriteAsync(ticket.CreatedAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(ticket.UpdatedAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
            });
            await ExecuteAsync(connection, """
                SELECT setval(pg_get_serial_sequence('"Team"', 'Id'), (SELECT MAX("Id") FROM "Team"));
                SELECT setval(pg_get_serial_sequence('"Person"', 'Id'), (SELECT MAX("Id") FROM "Person"));
                """);
            await transaction.CommitAsync();
            await ExecuteAsync(connection, "ANALYZE");
            return firstTeam;
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, IReadOnlyList<T> rows, Func<NpgsqlBinaryImporter, T, int, Task> write)
    {
        await using var writer = await connection.BeginBinaryImportAsync(copy);
        writer.Timeout = TimeSpan.FromMinutes(10); // a million tickets through the counts and search triggers outlast the default 30 s
        for (var i = 0; i < rows.Count; i++)
        {
            await writer.StartRowAsync();
            await write(writer, rows[i], i);
        }
        await writer.CompleteAsync();
    }

    private static async Task<int> NextIdAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand($"""SELECT COALESCE(MAX("Id"), 0) + 1 FROM "{table}" """, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
