using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CorrespondenceSwitches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedAlertSwitch",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedAlertSwitch", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "SavedCorrespondenceSwitches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    AdminEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    NewTicketAutoresponseForEndUsers = table.Column<bool>(type: "INTEGER", nullable: false),
                    NewTicketAutoresponseForInternalTickets = table.Column<bool>(type: "INTEGER", nullable: false),
                    NewMessageAutoresponse = table.Column<bool>(type: "INTEGER", nullable: false),
                    NewMessageAutoresponseToCollaborators = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverlimitNotice = table.Column<bool>(type: "INTEGER", nullable: false),
                    MaxOpenTicketsPerUser = table.Column<int>(type: "INTEGER", nullable: false),
                    SqlErrorAlerts = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExcessiveLoginAlerts = table.Column<bool>(type: "INTEGER", nullable: false),
                    FailedLoginThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedLoginWindow = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    SystemAlertInterval = table.Column<TimeSpan>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedCorrespondenceSwitches", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedAlertSwitch");

            migrationBuilder.DropTable(
                name: "SavedCorrespondenceSwitches");
        }
    }
}
