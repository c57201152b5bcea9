using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Helpdesk.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MailHelpTopics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DefaultHelpTopicId",
                table: "Team",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DefaultHelpTopicId",
                table: "Mailbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DepartmentId",
                table: "HelpTopic",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Team_DefaultHelpTopicId",
                table: "Team",
                column: "DefaultHelpTopicId");

            migrationBuilder.CreateIndex(
                name: "IX_Mailbox_DefaultHelpTopicId",
                table: "Mailbox",
                column: "DefaultHelpTopicId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpTopic_DepartmentId",
                table: "HelpTopic",
                column: "DepartmentId");

            migrationBuilder.AddForeignKey(
                name: "FK_HelpTopic_Department_DepartmentId",
                table: "HelpTopic",
                column: "DepartmentId",
                principalTable: "Department",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Mailbox_HelpTopic_DefaultHelpTopicId",
                table: "Mailbox",
                column: "DefaultHelpTopicId",
                principalTable: "HelpTopic",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Team_HelpTopic_DefaultHelpTopicId",
                table: "Team",
                column: "DefaultHelpTopicId",
                principalTable: "HelpTopic",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_HelpTopic_Department_DepartmentId",
                table: "HelpTopic");

            migrationBuilder.DropForeignKey(
                name: "FK_Mailbox_HelpTopic_DefaultHelpTopicId",
                table: "Mailbox");

            migrationBuilder.DropForeignKey(
                name: "FK_Team_HelpTopic_DefaultHelpTopicId",
                table: "Team");

            migrationBuilder.DropIndex(
                name: "IX_Team_DefaultHelpTopicId",
                table: "Team");

            migrationBuilder.DropIndex(
                name: "IX_Mailbox_DefaultHelpTopicId",
                table: "Mailbox");

            migrationBuilder.DropIndex(
                name: "IX_HelpTopic_DepartmentId",
                table: "HelpTopic");

            migrationBuilder.DropColumn(
                name: "DefaultHelpTopicId",
                table: "Team");

            migrationBuilder.DropColumn(
                name: "DefaultHelpTopicId",
                table: "Mailbox");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "HelpTopic");
        }
    }
}
