using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TicketExternalNumberAndLongSubjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalNumber",
                table: "Ticket",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalSystem",
                table: "Ticket",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ExternalSystem_ExternalNumber",
                table: "Ticket",
                columns: new[] { "ExternalSystem", "ExternalNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ticket_ExternalSystem_ExternalNumber",
                table: "Ticket");

            migrationBuilder.DropColumn(
                name: "ExternalNumber",
                table: "Ticket");

            migrationBuilder.DropColumn(
                name: "ExternalSystem",
                table: "Ticket");
        }
    }
}
