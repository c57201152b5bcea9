using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxMessageBody : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutboxMessageBody",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: true),
                    Attachments = table.Column<string>(type: "TEXT", nullable: false),
                    RecipientReasons = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessageBody", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessageBody_OutboxMessage_Id",
                        column: x => x.Id,
                        principalTable: "OutboxMessage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every mail keeps its bodies and attachment list: they move to the new table before their columns go.
            migrationBuilder.Sql("""
                INSERT INTO "OutboxMessageBody" ("Id", "TextBody", "HtmlBody", "Attachments", "RecipientReasons")
                SELECT "Id", "TextBody", "HtmlBody", COALESCE("Attachments", '[]'), "RecipientReasons" FROM "OutboxMessage"
                """);

            migrationBuilder.DropColumn(
                name: "Attachments",
                table: "OutboxMessage");

            migrationBuilder.DropColumn(
                name: "HtmlBody",
                table: "OutboxMessage");

            migrationBuilder.DropColumn(
                name: "RecipientReasons",
                table: "OutboxMessage");

            migrationBuilder.DropColumn(
                name: "TextBody",
                table: "OutboxMessage");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Attachments",
                table: "OutboxMessage",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HtmlBody",
                table: "OutboxMessage",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientReasons",
                table: "OutboxMessage",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextBody",
                table: "OutboxMessage",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE "OutboxMessage" SET
                    "TextBody" = b."TextBody", "HtmlBody" = b."HtmlBody", "Attachments" = b."Attachments", "RecipientReasons" = b."RecipientReasons"
                FROM "OutboxMessageBody" b WHERE b."Id" = "OutboxMessage"."Id"
                """);

            migrationBuilder.DropTable(
                name: "OutboxMessageBody");
        }
    }
}
