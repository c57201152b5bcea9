using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class TicketStatusCountTriggers : Migration
    {
        // PostgreSQL's side of SQLite's TicketStatusCount triggers. Row triggers only queue each change (+1/-1 per team and
        // status) in "TicketStatusCountChange", without locks; a deferred trigger, once per transaction, applies the
        // queued changes at commit in key order. Writers on several instances then hold a count row only while they
        // commit, and always take the rows in one order, so they cannot deadlock on the counts.
        private const string Functions = """
            CREATE TABLE "TicketStatusCountChange" (
                "TransactionId" bigint NOT NULL,
                "TeamId" integer NOT NULL,
                "Status" character varying(32) NOT NULL,
                "Delta" integer NOT NULL,
                "FirstInTransaction" boolean NOT NULL);
            CREATE INDEX "IX_TicketStatusCountChange_TransactionId" ON "TicketStatusCountChange" ("TransactionId");

            CREATE FUNCTION "TicketStatusCount_QueueChange"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                first boolean := current_setting('helpdesk.status_counts_queued', true) IS DISTINCT FROM 'yes';
            BEGIN
                IF first THEN PERFORM set_config('helpdesk.status_counts_queued', 'yes', true); END IF;
                IF TG_OP <> 'INSERT' THEN
                    INSERT INTO "TicketStatusCountChange" VALUES (txid_current(), COALESCE(OLD."TeamId", 0), OLD."Status", -1, first);
                    first := false;
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    INSERT INTO "TicketStatusCountChange" VALUES (txid_current(), COALESCE(NEW."TeamId", 0), NEW."Status", 1, first);
                END IF;
                RETURN NULL;
            END $$;

            CREATE FUNCTION "TicketStatusCount_ApplyChanges"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM set_config('helpdesk.status_counts_queued', '', true);
                WITH applied AS (
                    DELETE FROM "TicketStatusCountChange" WHERE "TransactionId" = txid_current() RETURNING "TeamId", "Status", "Delta")
                INSERT INTO "TicketStatusCount" AS c ("TeamId", "Status", "Count")
                SELECT "TeamId", "Status", SUM("Delta") FROM applied GROUP BY "TeamId", "Status" HAVING SUM("Delta") <> 0 ORDER BY "TeamId", "Status"
                ON CONFLICT ("TeamId", "Status") DO UPDATE SET "Count" = c."Count" + excluded."Count";
                RETURN NULL;
            END $$;

            CREATE TRIGGER "TicketStatusCount_TicketInsertedOrDeleted" AFTER INSERT OR DELETE ON "Ticket"
                FOR EACH ROW EXECUTE FUNCTION "TicketStatusCount_QueueChange"();
            CREATE TRIGGER "TicketStatusCount_TicketUpdated" AFTER UPDATE OF "Status", "TeamId" ON "Ticket"
                FOR EACH ROW WHEN (OLD."Status" IS DISTINCT FROM NEW."Status" OR OLD."TeamId" IS DISTINCT FROM NEW."TeamId")
                EXECUTE FUNCTION "TicketStatusCount_QueueChange"();
            CREATE CONSTRAINT TRIGGER "TicketStatusCount_ApplyChanges" AFTER INSERT ON "TicketStatusCountChange"
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."FirstInTransaction")
                EXECUTE FUNCTION "TicketStatusCount_ApplyChanges"();
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Functions);
            migrationBuilder.Sql("""
                DELETE FROM "TicketStatusCount";
                INSERT INTO "TicketStatusCount" ("TeamId", "Status", "Count")
                SELECT COALESCE("TeamId", 0), "Status", COUNT(*) FROM "Ticket" GROUP BY COALESCE("TeamId", 0), "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "TicketStatusCount_TicketInsertedOrDeleted" ON "Ticket";
                DROP TRIGGER IF EXISTS "TicketStatusCount_TicketUpdated" ON "Ticket";
                DROP TABLE IF EXISTS "TicketStatusCountChange";
                DROP FUNCTION IF EXISTS "TicketStatusCount_QueueChange"();
                DROP FUNCTION IF EXISTS "TicketStatusCount_ApplyChanges"();
                """);
        }
    }
}
