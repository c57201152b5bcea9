using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SuppliersAreOrganizationsAndChangesAndProblems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsSupplier",
                table: "Organization",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // A supplier is an organization (4me): each supplier row becomes, or marks, the organization of its name,
            // and the tickets that named it are kept aside: SupplierTicketsRepointed points them at that organization once
            // the rebuilt Ticket table refers to organizations (SQLite rebuilds it only at the end of this migration).
            migrationBuilder.Sql("""
                UPDATE "Organization" SET "IsSupplier" = 1 WHERE "Name" IN (SELECT "Name" FROM "Supplier");
                INSERT INTO "Organization" ("Name", "IsSupplier")
                    SELECT s."Name", 1 FROM "Supplier" s WHERE NOT EXISTS (SELECT 1 FROM "Organization" o WHERE o."Name" = s."Name");
                CREATE TABLE "SupplierMove" AS
                    SELECT t."Id" AS "TicketId", o."Id" AS "OrganizationId"
                    FROM "Ticket" t JOIN "Supplier" s ON s."Id" = t."SupplierId" JOIN "Organization" o ON o."Name" = s."Name";
                UPDATE "Ticket" SET "SupplierId" = NULL WHERE "SupplierId" IS NOT NULL;
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_Ticket_Supplier_SupplierId",
                table: "Ticket");

            migrationBuilder.DropTable(
                name: "Supplier");

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

            migrationBuilder.AddForeignKey(
                name: "FK_Ticket_Organization_SupplierId",
                table: "Ticket",
                column: "SupplierId",
                principalTable: "Organization",
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

            migrationBuilder.DropForeignKey(
                name: "FK_Ticket_Organization_SupplierId",
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

            migrationBuilder.DropColumn(
                name: "IsSupplier",
                table: "Organization");

            migrationBuilder.CreateTable(
                name: "Supplier",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false, collation: "NOCASE")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supplier", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Supplier_Name",
                table: "Supplier",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Ticket_Supplier_SupplierId",
                table: "Ticket",
                column: "SupplierId",
                principalTable: "Supplier",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }
    }
}
