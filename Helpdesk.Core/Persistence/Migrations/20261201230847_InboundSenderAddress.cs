using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InboundSenderAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SenderAddress",
                table: "InboundMessage",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessage_SenderAddress_ReceivedAt",
                table: "InboundMessage",
                columns: new[] { "SenderAddress", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboundMessage_SenderAddress_ReceivedAt",
                table: "InboundMessage");

            migrationBuilder.DropColumn(
                name: "SenderAddress",
                table: "InboundMessage");
        }
    }
}
