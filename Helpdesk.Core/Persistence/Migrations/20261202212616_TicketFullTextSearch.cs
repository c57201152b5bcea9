using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TicketFullTextSearch : Migration
    {
        // One FTS5 row per ticket (its subject, rowid = -ticket id) and per case-log entry (its text, rowid = entry id);
        // Sender holds the requester's or the author's address. Triggers keep it in the writer's own transaction, whatever
        // the write path (commands, mail, demo data), and rowids make each sync a lookup rather than a scan.
        internal const string SubjectRow = """
            INSERT INTO "TicketSearch" ("rowid", "Body", "Sender", "TicketId", "EntryId")
            VALUES (-new."Id", new."Subject", (SELECT "PrimaryEmail" FROM "Person" WHERE "Id" = new."RequestedForId"), new."Id", NULL);
            """;

        private const string EntryRow = """
            INSERT INTO "TicketSearch" ("rowid", "Body", "Sender", "TicketId", "EntryId")
            VALUES (new."Id", new."Text", (SELECT "PrimaryEmail" FROM "Person" WHERE "Id" = new."AuthorId"), new."TicketId", new."Id");
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "TicketSearch" USING fts5(
                    "Body", "Sender", "TicketId" UNINDEXED, "EntryId" UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TicketSearch_TicketInserted" AFTER INSERT ON "Ticket" BEGIN
                    {SubjectRow}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TicketSearch_TicketUpdated" AFTER UPDATE OF "Subject", "RequestedForId" ON "Ticket" BEGIN
                    DELETE FROM "TicketSearch" WHERE "rowid" = -old."Id";
                    {SubjectRow}
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TicketSearch_TicketDeleted" AFTER DELETE ON "Ticket" BEGIN
                    DELETE FROM "TicketSearch" WHERE "rowid" = -old."Id";
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TicketSearch_EntryInserted" AFTER INSERT ON "CaseLogEntry" BEGIN
                    {EntryRow}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TicketSearch_EntryUpdated" AFTER UPDATE OF "Text", "AuthorId" ON "CaseLogEntry" BEGIN
                    DELETE FROM "TicketSearch" WHERE "rowid" = old."Id";
                    {EntryRow}
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TicketSearch_EntryDeleted" AFTER DELETE ON "CaseLogEntry" BEGIN
                    DELETE FROM "TicketSearch" WHERE "rowid" = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "TicketSearch" ("rowid", "Body", "Sender", "TicketId", "EntryId")
                SELECT -t."Id", t."Subject", p."PrimaryEmail", t."Id", NULL FROM "Ticket" t LEFT JOIN "Person" p ON p."Id" = t."RequestedForId";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "TicketSearch" ("rowid", "Body", "Sender", "TicketId", "EntryId")
                SELECT e."Id", e."Text", p."PrimaryEmail", e."TicketId", e."Id" FROM "CaseLogEntry" e LEFT JOIN "Person" p ON p."Id" = e."AuthorId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "TicketInserted", "TicketUpdated", "TicketDeleted", "EntryInserted", "EntryUpdated", "EntryDeleted" })
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TicketSearch_{trigger}";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "TicketSearch";""");
        }
    }
}
