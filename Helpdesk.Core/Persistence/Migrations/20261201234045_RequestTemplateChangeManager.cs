using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RequestTemplateChangeManager : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChangeManagerId",
                table: "RequestTemplate",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestTemplate_ChangeManagerId",
                table: "RequestTemplate",
                column: "ChangeManagerId");

            migrationBuilder.AddForeignKey(
                name: "FK_RequestTemplate_Person_ChangeManagerId",
                table: "RequestTemplate",
                column: "ChangeManagerId",
                principalTable: "Person",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RequestTemplate_Person_ChangeManagerId",
                table: "RequestTemplate");

            migrationBuilder.DropIndex(
                name: "IX_RequestTemplate_ChangeManagerId",
                table: "RequestTemplate");

            migrationBuilder.DropColumn(
                name: "ChangeManagerId",
                table: "RequestTemplate");
        }
    }
}
