using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Search;

/// <summary>
/// The FTS5 table "TicketSearch" (migration TicketFullTextSearch): one row per ticket subject and per case-log entry,
/// kept in sync by triggers in the writer's transaction.
/// </summary>
public static class TicketSearchIndex
{
    /// <summary>The ids of tickets whose subject, case log or sender addresses match; composable into a ticket query.</summary>
    public static IQueryable<int> TicketIds(HelpdeskDbContext db, string match) =>
        db.Database.SqlQuery<int>($"""SELECT "TicketId" AS "Value" FROM "TicketSearch" WHERE "TicketSearch" MATCH {match}""");

    public static IQueryable<TicketSearchHit> Hits(HelpdeskDbContext db, string match) =>
        db.Database.SqlQuery<TicketSearchHit>($"""
            SELECT "TicketId", "EntryId", snippet("TicketSearch", -1, char(2), char(3), '…', 16) AS "Snippet", bm25("TicketSearch") AS "Rank"
            FROM "TicketSearch" WHERE "TicketSearch" MATCH {match}
            """);
}

public sealed record TicketSearchHit(int TicketId, long? EntryId, string? Snippet, double Rank);
