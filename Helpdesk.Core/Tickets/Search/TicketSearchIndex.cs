using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Search;

/// <summary>
/// Where a ticket's words are searched, kept in sync by triggers in the writer's transaction. On SQLite the FTS5 table
/// "TicketSearch" (migration TicketFullTextSearch) holds one row per ticket subject and per case-log entry with the
/// requester's or author's address. On PostgreSQL the case-log entries are rows of a table "TicketSearch" with a
/// generated tsvector and a GIN index (PostgresFullTextSearch), and a ticket's subject and requester's address are a
/// tsvector of the ticket row itself, "Ticket"."Words" (PostgresTicketWords).
/// </summary>
public static class TicketSearchIndex
{
    /// <summary>SQLite: the ids of tickets whose subject, case log or sender addresses match; composable into a ticket query.</summary>
    // A subject's row is keyed by -ticket id: its ticket comes from the index itself. Reading the TicketId column (only
    // case-log rows need it) is a lookup in the FTS content table per match, most of a search's time.
    public static IQueryable<int> TicketIds(HelpdeskDbContext db, string match) => db.Database.SqlQuery<int>($"""
        SELECT CASE WHEN "rowid" < 0 THEN -"rowid" ELSE "TicketId" END AS "Value" FROM "TicketSearch" WHERE "TicketSearch" MATCH {match}
        """);

    /// <summary>PostgreSQL: the ids of tickets with a case-log entry that matches (its text or its author's address).</summary>
    public static IQueryable<int> EntryTicketIds(HelpdeskDbContext db, string match) =>
        db.Database.SqlQuery<int>($"""SELECT "TicketId" AS "Value" FROM "TicketSearch" WHERE "Vector" @@ to_tsquery('simple', {PostgresTsQuery.From(match)})""");

    /// <summary>
    /// PostgreSQL: the tickets whose subject or requester's address match, and those of <paramref name="alsoIds"/>, as
    /// one scan of the ticket table (its GIN index and primary key), composable like the table itself.
    /// </summary>
    public static IQueryable<Ticket> TicketsMatching(HelpdeskDbContext db, string match, int[] alsoIds) => db.Set<Ticket>().FromSql($"""
        SELECT * FROM "Ticket" WHERE "Words" @@ to_tsquery('simple', {PostgresTsQuery.From(match)}) OR "Id" = ANY({alsoIds})
        """);

    public static IQueryable<TicketSearchHit> Hits(HelpdeskDbContext db, string match) =>
        db.Database.IsNpgsql() ? PostgresHits(db, match) : db.Database.SqlQuery<TicketSearchHit>($"""
            SELECT "TicketId", "EntryId", snippet("TicketSearch", -1, char(2), char(3), '…', 16) AS "Snippet", bm25("TicketSearch") AS "Rank"
            FROM "TicketSearch" WHERE "TicketSearch" MATCH {match}
            """);

    private static IQueryable<TicketSearchHit> PostgresHits(HelpdeskDbContext db, string match)
    {
        var query = PostgresTsQuery.From(match);
        var words = FtsMatch.Words(match).Select(w => w.ToLowerInvariant()).ToList();
        // The snippet: up to 200 characters from a little before the first word, every word that starts with a searched one marked.
        var wordStarts = $@"\m(({string.Join('|', words)})[[:alnum:]]*)"; // letters and digits only: nothing to escape
        return db.Database.SqlQuery<TicketSearchHit>($"""
            SELECT "TicketId", "EntryId",
                regexp_replace(substr("Body", greatest(1, strpos(lower("Body"), {words[0]}) - 60), 200), {wordStarts}, chr(2) || '\1' || chr(3), 'gi') AS "Snippet",
                -ts_rank("Vector", to_tsquery('simple', {query}))::float8 AS "Rank"
            FROM (
                SELECT "Id" AS "TicketId", NULL::bigint AS "EntryId", coalesce("Subject", '') AS "Body", "Words" AS "Vector" FROM "Ticket"
                WHERE "Words" @@ to_tsquery('simple', {query})
                UNION ALL
                SELECT "TicketId", "EntryId", "Body", "Vector" FROM "TicketSearch" WHERE "Vector" @@ to_tsquery('simple', {query})
            ) AS hit
            """);
    }
}

public sealed record TicketSearchHit(int TicketId, long? EntryId, string? Snippet, double Rank);
