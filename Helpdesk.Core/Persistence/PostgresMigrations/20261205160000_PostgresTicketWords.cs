using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class PostgresTicketWords : Migration
    {
        // A ticket's subject and requester's address are searched in a tsvector of the ticket row itself ("Words", GIN
        // index), no longer in a "TicketSearch" row of their own, which now holds case-log entries only. A search then
        // finds its tickets' rows in one bitmap scan of "Ticket" that also yields their status and sort keys; through
        // "TicketSearch" every match was a row read there and then its ticket looked up by id, twice the page visits.
        // Kept by a BEFORE trigger (the address is another table's: no generated column), split into words as
        // PostgresFullTextSearch splits them. The column is not in the EF model: only the search's SQL reads it.
        private const string Words = PostgresFullTextSearch.Words;
        internal static readonly string TicketWords =
            $"{string.Format(Words, "NEW.\"Subject\"")} || {string.Format(Words, "(SELECT \"PrimaryEmail\"::text FROM \"Person\" WHERE \"Id\" = NEW.\"RequestedForId\")")}";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                ALTER TABLE "Ticket" ADD COLUMN "Words" tsvector;
                UPDATE "Ticket" t SET "Words" = {string.Format(Words, "t.\"Subject\"")} || {string.Format(Words, "(SELECT \"PrimaryEmail\"::text FROM \"Person\" p WHERE p.\"Id\" = t.\"RequestedForId\")")};
                CREATE INDEX "IX_Ticket_Words" ON "Ticket" USING GIN ("Words");
                CREATE FUNCTION "Ticket_SetWords"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."Words" := {TicketWords};
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "Ticket_Words" BEFORE INSERT OR UPDATE OF "Subject", "RequestedForId" ON "Ticket"
                    FOR EACH ROW EXECUTE FUNCTION "Ticket_SetWords"();
                DROP TRIGGER "TicketSearch_Ticket" ON "Ticket";
                DROP FUNCTION "TicketSearch_SyncTicket"();
                DELETE FROM "TicketSearch" WHERE "EntryId" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION "TicketSearch_SyncTicket"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN DELETE FROM "TicketSearch" WHERE "Key" = -OLD."Id"; END IF;
                    IF TG_OP <> 'DELETE' THEN
                        INSERT INTO "TicketSearch" ("Key", "TicketId", "EntryId", "Body", "Sender")
                        VALUES (-NEW."Id", NEW."Id", NULL, coalesce(NEW."Subject", ''), (SELECT "PrimaryEmail"::text FROM "Person" WHERE "Id" = NEW."RequestedForId"));
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "TicketSearch_Ticket" AFTER INSERT OR DELETE OR UPDATE OF "Subject", "RequestedForId" ON "Ticket"
                    FOR EACH ROW EXECUTE FUNCTION "TicketSearch_SyncTicket"();
                INSERT INTO "TicketSearch" ("Key", "TicketId", "EntryId", "Body", "Sender")
                SELECT -t."Id", t."Id", NULL, coalesce(t."Subject", ''), p."PrimaryEmail"::text FROM "Ticket" t LEFT JOIN "Person" p ON p."Id" = t."RequestedForId";
                DROP TRIGGER "Ticket_Words" ON "Ticket";
                DROP FUNCTION "Ticket_SetWords"();
                ALTER TABLE "Ticket" DROP COLUMN "Words";
                """);
        }
    }
}
