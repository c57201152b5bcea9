using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InboundClaimsAndUniqueMailSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SourceInboundId",
                table: "Ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimExpiresAt",
                table: "InboundMessage",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "InboundMessage",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SourceInboundId",
                table: "CaseLogEntry",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_SourceInboundId",
                table: "Ticket",
                column: "SourceInboundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessage_ClaimToken",
                table: "InboundMessage",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_CaseLogEntry_TicketId_SourceInboundId",
                table: "CaseLogEntry",
                columns: new[] { "TicketId", "SourceInboundId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ticket_SourceInboundId",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_InboundMessage_ClaimToken",
                table: "InboundMessage");

            migrationBuilder.DropIndex(
                name: "IX_CaseLogEntry_TicketId_SourceInboundId",
                table: "CaseLogEntry");

            migrationBuilder.DropColumn(
                name: "SourceInboundId",
                table: "Ticket");

            migrationBuilder.DropColumn(
                name: "ClaimExpiresAt",
                table: "InboundMessage");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "InboundMessage");

            migrationBuilder.DropColumn(
                name: "SourceInboundId",
                table: "CaseLogEntry");
        }
    }
}
