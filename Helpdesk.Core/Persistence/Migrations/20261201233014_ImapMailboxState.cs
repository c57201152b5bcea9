using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImapMailboxState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImapMailboxState",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UidValidity = table.Column<long>(type: "INTEGER", nullable: false),
                    HighestUid = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImapMailboxState", x => x.Mailbox);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImapMailboxState");
        }
    }
}
