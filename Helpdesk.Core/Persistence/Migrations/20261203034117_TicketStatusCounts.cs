using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TicketStatusCounts : Migration
    {
        // Triggers keep "TicketStatusCount" in the writer's own transaction whatever the write path (TicketWrite, demo data,
        // raw SQL, a team's deletion setting TeamId to NULL). A migration that rebuilds "Ticket" drops them: it must run
        // Triggers again (TicketStatusCountTests fail otherwise).
        internal const string Triggers = """
            DROP TRIGGER IF EXISTS "TicketStatusCount_TicketInserted";
            CREATE TRIGGER "TicketStatusCount_TicketInserted" AFTER INSERT ON "Ticket" BEGIN
                INSERT INTO "TicketStatusCount" ("TeamId", "Status", "Count") VALUES (COALESCE(new."TeamId", 0), new."Status", 1)
                    ON CONFLICT ("TeamId", "Status") DO UPDATE SET "Count" = "Count" + 1;
            END;
            DROP TRIGGER IF EXISTS "TicketStatusCount_TicketUpdated";
            CREATE TRIGGER "TicketStatusCount_TicketUpdated" AFTER UPDATE OF "Status", "TeamId" ON "Ticket"
                WHEN old."Status" IS NOT new."Status" OR old."TeamId" IS NOT new."TeamId" BEGIN
                UPDATE "TicketStatusCount" SET "Count" = "Count" - 1 WHERE "TeamId" = COALESCE(old."TeamId", 0) AND "Status" = old."Status";
                INSERT INTO "TicketStatusCount" ("TeamId", "Status", "Count") VALUES (COALESCE(new."TeamId", 0), new."Status", 1)
                    ON CONFLICT ("TeamId", "Status") DO UPDATE SET "Count" = "Count" + 1;
            END;
            DROP TRIGGER IF EXISTS "TicketStatusCount_TicketDeleted";
            CREATE TRIGGER "TicketStatusCount_TicketDeleted" AFTER DELETE ON "Ticket" BEGIN
                UPDATE "TicketStatusCount" SET "Count" = "Count" - 1 WHERE "TeamId" = COALESCE(old."TeamId", 0) AND "Status" = old."Status";
            END;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ticket_Status",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_TeamId",
                table: "Ticket");

            migrationBuilder.CreateTable(
                name: "TicketStatusCount",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketStatusCount", x => new { x.TeamId, x.Status });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_Status_UpdatedAt",
                table: "Ticket",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_Subject",
                table: "Ticket",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_TeamId_UpdatedAt",
                table: "Ticket",
                columns: new[] { "TeamId", "UpdatedAt" });

            migrationBuilder.Sql("""
                INSERT INTO "TicketStatusCount" ("TeamId", "Status", "Count")
                SELECT COALESCE("TeamId", 0), "Status", COUNT(*) FROM "Ticket" GROUP BY COALESCE("TeamId", 0), "Status";
                """);
            migrationBuilder.Sql(Triggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "TicketInserted", "TicketUpdated", "TicketDeleted" })
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TicketStatusCount_{trigger}";""");
            migrationBuilder.DropTable(
                name: "TicketStatusCount");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_Status_UpdatedAt",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_Subject",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_TeamId_UpdatedAt",
                table: "Ticket");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_Status",
                table: "Ticket",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_TeamId",
                table: "Ticket",
                column: "TeamId");
        }
    }
}
