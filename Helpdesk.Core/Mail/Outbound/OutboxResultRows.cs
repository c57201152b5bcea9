using System.Data.Common;
using System.Text;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>
/// Writes send results to their rows a hundred at a time, each row only while the round still holds its claim: one
/// UPDATE per hundred rows instead of EF's tracked, concurrency-checked UPDATE per row.
/// </summary>
internal static class OutboxResultRows
{
    private const int RowsPerStatement = 100;

    private static readonly string[] Outcome =
    [
        nameof(OutboxMessage.Status), nameof(OutboxMessage.Attempts), nameof(OutboxMessage.SentAt), nameof(OutboxMessage.NextAttemptAt),
        nameof(OutboxMessage.LastError), nameof(OutboxMessage.RawSha256),
    ];

    /// <summary>Writes each message's outcome and ends its claim, inside the context's current transaction.</summary>
    /// <returns>The ids of the rows written; a row whose claim another round took over is not among them.</returns>
    public static async Task<HashSet<long>> WriteAsync(HelpdeskDbContext db, IReadOnlyList<OutboxMessage> messages)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var written = new HashSet<long>();
        foreach (var claim in messages.GroupBy(m => m.ClaimToken))
        foreach (var rows in claim.Chunk(RowsPerStatement))
        {
            await using var command = Update(db, entity, claim.Key, rows);
            await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
            while (await reader.ReadAsync(CancellationToken.None)) written.Add(reader.GetInt64(0));
        }
        foreach (var message in messages.Where(m => written.Contains(m.Id)))
            (message.ClaimToken, message.ClaimExpiresAt) = (null, null);
        return written;
    }

    private static DbCommand Update(HelpdeskDbContext db, IEntityType entity, string? claim, OutboxMessage[] rows)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var id = Column(entity, nameof(OutboxMessage.Id));
        var sql = new StringBuilder($"UPDATE {Quote(entity.GetTableName()!)} SET ");
        foreach (var name in Outcome)
        {
            var property = entity.FindProperty(name)!;
            sql.Append($"{Column(entity, name)} = CASE {id}");
            for (var i = 0; i < rows.Length; i++)
            {
                sql.Append($" WHEN @id{i} THEN @{name}{i}");
                command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, $"{name}{i}", property.GetGetter().GetClrValue(rows[i])));
            }
            sql.Append(" END, ");
        }
        var idProperty = entity.FindProperty(nameof(OutboxMessage.Id))!;
        for (var i = 0; i < rows.Length; i++)
            command.Parameters.Add(idProperty.GetRelationalTypeMapping().CreateParameter(command, $"id{i}", rows[i].Id));
        var claimProperty = entity.FindProperty(nameof(OutboxMessage.ClaimToken))!;
        command.Parameters.Add(claimProperty.GetRelationalTypeMapping().CreateParameter(command, "claim", claim));
        sql.Append($"{Column(entity, nameof(OutboxMessage.ClaimToken))} = NULL, {Column(entity, nameof(OutboxMessage.ClaimExpiresAt))} = NULL");
        sql.Append($" WHERE {Column(entity, nameof(OutboxMessage.ClaimToken))} = @claim AND {id} IN (");
        sql.AppendJoin(", ", rows.Select((_, i) => $"@id{i}"));
        sql.Append($") RETURNING {id}");
        command.CommandText = sql.ToString();
        return command;
    }

    private static string Column(IEntityType entity, string property) =>
        Quote(entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!))!);

    private static string Quote(string name) => $"\"{name}\"";
}
