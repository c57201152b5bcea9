using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimExpiresAt",
                table: "OutboxMessage",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "OutboxMessage",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_ClaimToken",
                table: "OutboxMessage",
                column: "ClaimToken");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessage_ClaimToken",
                table: "OutboxMessage");

            migrationBuilder.DropColumn(
                name: "ClaimExpiresAt",
                table: "OutboxMessage");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "OutboxMessage");
        }
    }
}
