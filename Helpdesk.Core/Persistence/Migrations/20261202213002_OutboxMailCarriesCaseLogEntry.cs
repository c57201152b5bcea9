using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxMailCarriesCaseLogEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CaseLogEntryId",
                table: "OutboxMessage",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_CaseLogEntryId",
                table: "OutboxMessage",
                column: "CaseLogEntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessage_CaseLogEntryId",
                table: "OutboxMessage");

            migrationBuilder.DropColumn(
                name: "CaseLogEntryId",
                table: "OutboxMessage");
        }
    }
}
