using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TeamDefaultDepartment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DepartmentId",
                table: "Team",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Team_DepartmentId",
                table: "Team",
                column: "DepartmentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Team_Department_DepartmentId",
                table: "Team",
                column: "DepartmentId",
                principalTable: "Department",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Team_Department_DepartmentId",
                table: "Team");

            migrationBuilder.DropIndex(
                name: "IX_Team_DepartmentId",
                table: "Team");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "Team");
        }
    }
}
