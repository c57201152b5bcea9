using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReceivedMailReusedMessageIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboundMessage_MessageId",
                table: "InboundMessage");

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessage_MessageId",
                table: "InboundMessage",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessage_RawSha256",
                table: "InboundMessage",
                column: "RawSha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboundMessage_MessageId",
                table: "InboundMessage");

            migrationBuilder.DropIndex(
                name: "IX_InboundMessage_RawSha256",
                table: "InboundMessage");

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessage_MessageId",
                table: "InboundMessage",
                column: "MessageId",
                unique: true);
        }
    }
}
