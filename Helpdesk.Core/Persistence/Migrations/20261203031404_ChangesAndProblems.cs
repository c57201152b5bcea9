using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ChangesAndProblems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChangeId",
                table: "Ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProblemId",
                table: "Ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChangeOrProblem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ManagerId = table.Column<int>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeOrProblem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeOrProblem_Person_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ChangeOrProblem_Team_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Team",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ChangeId",
                table: "Ticket",
                column: "ChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ProblemId",
                table: "Ticket",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeOrProblem_ManagerId",
                table: "ChangeOrProblem",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeOrProblem_TeamId",
                table: "ChangeOrProblem",
                column: "TeamId");

            migrationBuilder.AddForeignKey(
                name: "FK_Ticket_ChangeOrProblem_ChangeId",
                table: "Ticket",
                column: "ChangeId",
                principalTable: "ChangeOrProblem",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Ticket_ChangeOrProblem_ProblemId",
                table: "Ticket",
                column: "ProblemId",
                principalTable: "ChangeOrProblem",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Ticket_ChangeOrProblem_ChangeId",
                table: "Ticket");

            migrationBuilder.DropForeignKey(
                name: "FK_Ticket_ChangeOrProblem_ProblemId",
                table: "Ticket");

            migrationBuilder.DropTable(
                name: "ChangeOrProblem");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_ChangeId",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_ProblemId",
                table: "Ticket");

            migrationBuilder.DropColumn(
                name: "ChangeId",
                table: "Ticket");

            migrationBuilder.DropColumn(
                name: "ProblemId",
                table: "Ticket");
        }
    }
}
