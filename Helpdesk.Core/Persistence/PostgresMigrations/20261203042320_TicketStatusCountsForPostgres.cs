using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class TicketStatusCountsForPostgres : Migration
    {
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
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
