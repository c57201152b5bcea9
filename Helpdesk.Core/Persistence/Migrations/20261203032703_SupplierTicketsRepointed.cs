using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SupplierTicketsRepointed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Ticket" SET "SupplierId" = (SELECT m."OrganizationId" FROM "SupplierMove" m WHERE m."TicketId" = "Ticket"."Id")
                    WHERE "Id" IN (SELECT "TicketId" FROM "SupplierMove");
                DROP TABLE "SupplierMove";
                """);

            // Rebuilding the Ticket table (SuppliersAreOrganizationsAndChangesAndProblems) dropped its search triggers: put them back.
            migrationBuilder.Sql($"""
                DROP TRIGGER IF EXISTS "TicketSearch_TicketInserted";
                CREATE TRIGGER "TicketSearch_TicketInserted" AFTER INSERT ON "Ticket" BEGIN
                    {TicketFullTextSearch.SubjectRow}
                END;
                """);
            migrationBuilder.Sql($"""
                DROP TRIGGER IF EXISTS "TicketSearch_TicketUpdated";
                CREATE TRIGGER "TicketSearch_TicketUpdated" AFTER UPDATE OF "Subject", "RequestedForId" ON "Ticket" BEGIN
                    DELETE FROM "TicketSearch" WHERE "rowid" = -old."Id";
                    {TicketFullTextSearch.SubjectRow}
                END;
                """);
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "TicketSearch_TicketDeleted";
                CREATE TRIGGER "TicketSearch_TicketDeleted" AFTER DELETE ON "Ticket" BEGIN
                    DELETE FROM "TicketSearch" WHERE "rowid" = -old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The triggers stay; the previous migration's Down does not need the stash, which held only moved references.
        }
    }
}
