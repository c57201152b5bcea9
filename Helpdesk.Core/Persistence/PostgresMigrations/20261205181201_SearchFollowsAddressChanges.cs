using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class SearchFollowsAddressChanges : Migration
    {
        // A ticket's "Words" hold its requester's address, and "TicketSearch" the author's address of each entry ("Sender"),
        // copied when the row is written: a person's new address is copied to their rows when it changes, and rows that an
        // earlier change left behind are corrected once here. "Ticket_WordsOf" is the words of a ticket, now one function
        // for the ticket's own trigger, the address trigger and the correction. The new index finds an author's entries.
        private static readonly string WordsOf =
            $"{string.Format(PostgresFullTextSearch.Words, "subject")} || {string.Format(PostgresFullTextSearch.Words, "address")}";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseLogEntry_AuthorId",
                table: "CaseLogEntry",
                column: "AuthorId");

            migrationBuilder.Sql($"""
                CREATE FUNCTION "Ticket_WordsOf"(subject text, address text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
                    SELECT {WordsOf}
                $$;
                CREATE OR REPLACE FUNCTION "Ticket_SetWords"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."Words" := "Ticket_WordsOf"(NEW."Subject", (SELECT "PrimaryEmail"::text FROM "Person" WHERE "Id" = NEW."RequestedForId"));
                    RETURN NEW;
                END $$;
                CREATE FUNCTION "Search_PersonAddressChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "Ticket" SET "Words" = "Ticket_WordsOf"("Subject", NEW."PrimaryEmail"::text) WHERE "RequestedForId" = NEW."Id";
                    UPDATE "TicketSearch" SET "Sender" = NEW."PrimaryEmail"::text WHERE "Key" IN (SELECT "Id" FROM "CaseLogEntry" WHERE "AuthorId" = NEW."Id");
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Search_PersonAddress" AFTER UPDATE OF "PrimaryEmail" ON "Person"
                    FOR EACH ROW WHEN (OLD."PrimaryEmail"::text IS DISTINCT FROM NEW."PrimaryEmail"::text) EXECUTE FUNCTION "Search_PersonAddressChanged"();
                UPDATE "Ticket" t SET "Words" = "Ticket_WordsOf"(t."Subject", p."PrimaryEmail"::text) FROM "Person" p
                    WHERE p."Id" = t."RequestedForId" AND t."Words" IS DISTINCT FROM "Ticket_WordsOf"(t."Subject", p."PrimaryEmail"::text);
                UPDATE "TicketSearch" s SET "Sender" = p."PrimaryEmail"::text FROM "CaseLogEntry" e JOIN "Person" p ON p."Id" = e."AuthorId"
                    WHERE s."Key" = e."Id" AND s."Sender" IS DISTINCT FROM p."PrimaryEmail"::text;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                DROP TRIGGER "Search_PersonAddress" ON "Person";
                DROP FUNCTION "Search_PersonAddressChanged"();
                CREATE OR REPLACE FUNCTION "Ticket_SetWords"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."Words" := {PostgresTicketWords.TicketWords};
                    RETURN NEW;
                END $$;
                DROP FUNCTION "Ticket_WordsOf"(text, text);
                """);
            migrationBuilder.DropIndex(
                name: "IX_CaseLogEntry_AuthorId",
                table: "CaseLogEntry");
        }
    }
}
