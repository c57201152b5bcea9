using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseLogEntryRemoteImagesAndHtmlVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HtmlVersion",
                table: "CaseLogEntry",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RemoteImageUrls",
                table: "CaseLogEntry",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateIndex(
                name: "IX_CaseLogEntry_HtmlVersion",
                table: "CaseLogEntry",
                column: "HtmlVersion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseLogEntry_HtmlVersion",
                table: "CaseLogEntry");

            migrationBuilder.DropColumn(
                name: "HtmlVersion",
                table: "CaseLogEntry");

            migrationBuilder.DropColumn(
                name: "RemoteImageUrls",
                table: "CaseLogEntry");
        }
    }
}
