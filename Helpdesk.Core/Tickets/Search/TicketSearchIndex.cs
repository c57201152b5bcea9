using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Search;

/// <summary>
/// On SQLite, the FTS5 table "TicketSearch" (migration TicketFullTextSearch): one row per ticket subject and per case-log
/// entry, kept in sync by triggers in the writer's transaction. On PostgreSQL, the same rows read straight from the
/// tables and matched with ILIKE (every word in one row), unranked, the snippet the row's first 200 characters.
/// </summary>
public static class TicketSearchIndex
{
    /// <summary>The ids of tickets whose subject, case log or sender addresses match; composable into a ticket query.</summary>
    public static IQueryable<int> TicketIds(HelpdeskDbContext db, string match) =>
        db.Database.IsNpgsql()
            ? Hits(db, match).Select(h => h.TicketId)
            : db.Database.SqlQuery<int>($"""SELECT "TicketId" AS "Value" FROM "TicketSearch" WHERE "TicketSearch" MATCH {match}""");

    public static IQueryable<TicketSearchHit> Hits(HelpdeskDbContext db, string match) =>
        db.Database.IsNpgsql() ? PostgresHits(db, match) : db.Database.SqlQuery<TicketSearchHit>($"""
            SELECT "TicketId", "EntryId", snippet("TicketSearch", -1, char(2), char(3), '…', 16) AS "Snippet", bm25("TicketSearch") AS "Rank"
            FROM "TicketSearch" WHERE "TicketSearch" MATCH {match}
            """);

    private static IQueryable<TicketSearchHit> PostgresHits(HelpdeskDbContext db, string match)
    {
        // match is FtsMatch's expression: only quoted words, so its words are exactly what the agent typed.
        var words = FtsMatch.Words(match).ToList();
        var patterns = words.Select(word => $"%{word}%").ToArray();
        var anyWord = $"({string.Join('|', words)})"; // letters and digits only: nothing to escape in the regex
        return db.Database.SqlQuery<TicketSearchHit>($"""
            SELECT "TicketId", "EntryId", regexp_replace(left("Body", 200), {anyWord}, chr(2) || '\1' || chr(3), 'gi') AS "Snippet",
                0.0::float8 AS "Rank" FROM (
                SELECT t."Id" AS "TicketId", NULL::bigint AS "EntryId", t."Subject" AS "Body", p."PrimaryEmail"::text AS "Sender"
                FROM "Ticket" t LEFT JOIN "Person" p ON p."Id" = t."RequestedForId"
                UNION ALL
                SELECT e."TicketId", e."Id", e."Text", p."PrimaryEmail"::text
                FROM "CaseLogEntry" e LEFT JOIN "Person" p ON p."Id" = e."AuthorId"
            ) AS "Row" WHERE ("Body" || ' ' || coalesce("Sender", '')) ILIKE ALL ({patterns})
            """);
    }
}

public sealed record TicketSearchHit(int TicketId, long? EntryId, string? Snippet, double Rank);
