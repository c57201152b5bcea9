using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SuppliersAreOrganizations : Migration
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

            migrationBuilder.AddForeignKey(
                name: "FK_Ticket_Organization_SupplierId",
                table: "Ticket",
                column: "SupplierId",
                principalTable: "Organization",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.DropTable(
                name: "Supplier");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Ticket_Organization_SupplierId",
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
