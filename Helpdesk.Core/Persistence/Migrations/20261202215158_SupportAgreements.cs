using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SupportAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupportAgreement",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false, collation: "NOCASE"),
                    CustomerOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceDeskTeamId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportAgreement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportAgreement_Organization_CustomerOrganizationId",
                        column: x => x.CustomerOrganizationId,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupportAgreement_Team_ServiceDeskTeamId",
                        column: x => x.ServiceDeskTeamId,
                        principalTable: "Team",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportAgreement_CustomerOrganizationId",
                table: "SupportAgreement",
                column: "CustomerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportAgreement_Name",
                table: "SupportAgreement",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportAgreement_ServiceDeskTeamId",
                table: "SupportAgreement",
                column: "ServiceDeskTeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupportAgreement");
        }
    }
}
