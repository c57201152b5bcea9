using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SearchFollowsAddressChanges : Migration
    {
        // "TicketSearch" holds the requester's address of each ticket and the author's address of each entry ("Sender"),
        // copied when the row is written: a person's new address is copied to their rows when it changes, and rows that an
        // earlier change left behind are corrected once here. The new index finds an author's entries.
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseLogEntry_AuthorId",
                table: "CaseLogEntry",
                column: "AuthorId");

            migrationBuilder.Sql("""
                CREATE TRIGGER "TicketSearch_PersonAddressChanged" AFTER UPDATE OF "PrimaryEmail" ON "Person"
                WHEN old."PrimaryEmail" IS NOT new."PrimaryEmail" BEGIN
                    UPDATE "TicketSearch" SET "Sender" = new."PrimaryEmail" WHERE "rowid" IN (SELECT -"Id" FROM "Ticket" WHERE "RequestedForId" = new."Id");
                    UPDATE "TicketSearch" SET "Sender" = new."PrimaryEmail" WHERE "rowid" IN (SELECT "Id" FROM "CaseLogEntry" WHERE "AuthorId" = new."Id");
                END;
                """);
            // The correction reads "TicketSearch" in one pass and looks up each row's ticket or entry: CROSS JOIN keeps SQLite
            // from looking up the index's row of every ticket instead (5.6 s against 1.1 s at a million tickets).
            migrationBuilder.Sql("""
                UPDATE "TicketSearch" SET "Sender" = (SELECT p."PrimaryEmail" FROM "Ticket" t JOIN "Person" p ON p."Id" = t."RequestedForId" WHERE t."Id" = -"TicketSearch"."rowid")
                WHERE "rowid" IN (SELECT s."rowid" FROM "TicketSearch" s CROSS JOIN "Ticket" t CROSS JOIN "Person" p
                                  WHERE t."Id" = -s."rowid" AND p."Id" = t."RequestedForId" AND s."Sender" IS NOT p."PrimaryEmail");
                UPDATE "TicketSearch" SET "Sender" = (SELECT p."PrimaryEmail" FROM "CaseLogEntry" e JOIN "Person" p ON p."Id" = e."AuthorId" WHERE e."Id" = "TicketSearch"."rowid")
                WHERE "rowid" IN (SELECT s."rowid" FROM "TicketSearch" s CROSS JOIN "CaseLogEntry" e CROSS JOIN "Person" p
                                  WHERE e."Id" = s."rowid" AND p."Id" = e."AuthorId" AND s."Sender" IS NOT p."PrimaryEmail");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TicketSearch_PersonAddressChanged";""");
            migrationBuilder.DropIndex(
                name: "IX_CaseLogEntry_AuthorId",
                table: "CaseLogEntry");
        }
    }
}
