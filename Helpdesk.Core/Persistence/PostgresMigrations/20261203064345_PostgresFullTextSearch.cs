using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class PostgresFullTextSearch : Migration
    {
        // PostgreSQL's side of SQLite's FTS5 "TicketSearch" (migration TicketFullTextSearch): the same rows (Key = -ticket id
        // for a subject, the entry id for a case-log entry), kept by triggers in the writer's transaction. The generated
        // Vector splits on every character that is not a letter or digit, as FTS5's unicode61 tokenizer does, so that
        // "bob@customer.test" is the words bob, customer, test on both providers ('simple': no stemming, no stop words).
        // A tsvector holds at most 1 MB, so text beyond its first 250,000 characters is not indexed.
        internal const string Words = """to_tsvector('simple', regexp_replace(left(coalesce({0}, ''), 250000), '[^[:alnum:]]+', ' ', 'g'))""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE "TicketSearch" (
                    "Key" bigint PRIMARY KEY,
                    "TicketId" integer NOT NULL,
                    "EntryId" bigint NULL,
                    "Body" text NOT NULL,
                    "Sender" text NULL,
                    "Vector" tsvector GENERATED ALWAYS AS ({string.Format(Words, "\"Body\"")} || {string.Format(Words, "\"Sender\"")}) STORED);
                CREATE INDEX "IX_TicketSearch_Vector" ON "TicketSearch" USING GIN ("Vector");
                """);
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
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION "TicketSearch_SyncEntry"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN DELETE FROM "TicketSearch" WHERE "Key" = OLD."Id"; END IF;
                    IF TG_OP <> 'DELETE' THEN
                        INSERT INTO "TicketSearch" ("Key", "TicketId", "EntryId", "Body", "Sender")
                        VALUES (NEW."Id", NEW."TicketId", NEW."Id", coalesce(NEW."Text", ''), (SELECT "PrimaryEmail"::text FROM "Person" WHERE "Id" = NEW."AuthorId"));
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "TicketSearch_Entry" AFTER INSERT OR DELETE OR UPDATE OF "Text", "AuthorId" ON "CaseLogEntry"
                    FOR EACH ROW EXECUTE FUNCTION "TicketSearch_SyncEntry"();
                """);
            migrationBuilder.Sql("""
                INSERT INTO "TicketSearch" ("Key", "TicketId", "EntryId", "Body", "Sender")
                SELECT -t."Id", t."Id", NULL, coalesce(t."Subject", ''), p."PrimaryEmail"::text FROM "Ticket" t LEFT JOIN "Person" p ON p."Id" = t."RequestedForId";
                INSERT INTO "TicketSearch" ("Key", "TicketId", "EntryId", "Body", "Sender")
                SELECT e."Id", e."TicketId", e."Id", coalesce(e."Text", ''), p."PrimaryEmail"::text FROM "CaseLogEntry" e LEFT JOIN "Person" p ON p."Id" = e."AuthorId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "TicketSearch_Ticket" ON "Ticket";
                DROP TRIGGER IF EXISTS "TicketSearch_Entry" ON "CaseLogEntry";
                DROP FUNCTION IF EXISTS "TicketSearch_SyncTicket"();
                DROP FUNCTION IF EXISTS "TicketSearch_SyncEntry"();
                DROP TABLE IF EXISTS "TicketSearch";
                """);
        }
    }
}
