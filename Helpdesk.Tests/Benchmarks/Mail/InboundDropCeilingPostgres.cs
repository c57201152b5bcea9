using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using MimeKit;
using Npgsql;
using NpgsqlTypes;

namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>
/// inbound-drop-pg's ceiling: MimeKit parsing the .eml files and one raw row per mail through Npgsql (a prepared
/// INSERT), all in one transaction, on a fresh PostgreSQL database of its own.
/// </summary>
public static class InboundDropCeilingPostgres
{
    public static async Task<Throughput> MeasureAsync(IReadOnlyList<string> files)
    {
        await using var database = TestDatabase.Create(DatabaseProvider.PostgreSQL);
        await using var connection = new NpgsqlConnection(database.Settings["ConnectionStrings:Helpdesk"]);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("""
            CREATE TABLE warm_up (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, message_id text NOT NULL, sender text, subject text, raw bytea NOT NULL);
            CREATE TABLE mail (LIKE warm_up INCLUDING ALL);
            """, connection))
            await create.ExecuteNonQueryAsync();
        // The product runs after this with MimeKit and Npgsql already compiled; so does the timed ceiling.
        await ParseAndInsertAsync(connection, "warm_up", files.Take(20).ToList());
        return await Throughput.MeasureAsync(() => ParseAndInsertAsync(connection, "mail", files));
    }

    private static async Task<int> ParseAndInsertAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> files)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand($"INSERT INTO {table} (message_id, sender, subject, raw) VALUES ($1, $2, $3, $4)", connection, transaction);
        var (id, sender, subject, raw) = (insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text }),
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text }),
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text }),
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea }));
        await insert.PrepareAsync();
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var message = MimeMessage.Load(new MemoryStream(bytes, writable: false));
            id.Value = message.MessageId;
            sender.Value = message.From.Mailboxes.First().Address;
            subject.Value = message.Subject;
            raw.Value = bytes;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return files.Count;
    }
}
